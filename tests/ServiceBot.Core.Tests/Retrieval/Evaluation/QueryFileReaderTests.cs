using ServiceBot.Retrieval.Evaluation;

namespace ServiceBot.Core.Tests.Retrieval.Evaluation;

public class QueryFileReaderTests
{
    [Fact]
    public void Read_RelevantStringAndNumericIds_ReturnsThemAsStrings()
    {
        using var file = new TempJsonl("""{"id":0,"query":"谁可以成为个体工商户？","relevant":["705",49282]}""");

        var query = Assert.Single(QueryFileReader.Read(file.Path));

        Assert.Equal("0", query.Id);
        Assert.Equal("谁可以成为个体工商户？", query.Query);
        Assert.Equal(["705", "49282"], query.Relevant);
    }

    [Fact]
    public void Read_NoRelevantField_ReturnsEmptyJudgements()
    {
        using var file = new TempJsonl("""{"id":"dq001","query":"q","expect":["x"],"answerable":true}""");

        Assert.Empty(Assert.Single(QueryFileReader.Read(file.Path)).Relevant);
    }

    [Fact]
    public void Read_RepeatedRelevantId_KeepsItOnce()
    {
        using var file = new TempJsonl("""{"id":"1","query":"q","relevant":["7","7",7]}""");

        Assert.Equal(["7"], Assert.Single(QueryFileReader.Read(file.Path)).Relevant);
    }

    [Theory]
    [InlineData("""{"id":"2","relevant":[]}""", "\"query\"")]
    [InlineData("""{"id":"2","query":"q","relevant":"705"}""", "\"relevant\"")]
    [InlineData("""{"id":"2","query":"q","relevant":[null]}""", "\"relevant\"")]
    [InlineData("""{"id":"1","query":"again"}""", "duplicate query id")]
    [InlineData("""{"id":"2","query":"q",""", "invalid JSON")]
    public void Read_MalformedSecondLine_ThrowsWithLineNumber(string badLine, string reasonFragment)
    {
        using var file = new TempJsonl("""{"id":"1","query":"q"}""", badLine);

        var ex = Assert.Throws<CorpusFormatException>(() => QueryFileReader.Read(file.Path));

        Assert.Equal((file.Path, 2), (ex.Path, ex.LineNumber));
        Assert.Contains(reasonFragment, ex.Reason);
    }
}
