using ServiceBot.Retrieval;
using ServiceBot.Retrieval.Evaluation;

namespace ServiceBot.Core.Tests.Retrieval.Evaluation;

public class JsonlCorpusReaderTests
{
    [Fact]
    public void Read_ValidLines_MapsLawToTitleAndArticleToSection()
    {
        using var file = new TempJsonl(
            """{"id":"705","law":"中华人民共和国民法典","article":"第五十四条","text":"自然人从事工商业经营。","extra":1}""");

        var docs = JsonlCorpusReader.Read(file.Path).ToList();

        Assert.Equal([new IndexDocument("705", "中华人民共和国民法典", "第五十四条", "自然人从事工商业经营。")], docs);
    }

    [Fact]
    public void Read_NumericId_KeepsNumberAsWritten()
    {
        using var file = new TempJsonl("""{"id":49282,"text":"t"}""");

        Assert.Equal("49282", JsonlCorpusReader.Read(file.Path).Single().Id);
    }

    [Fact]
    public void Read_OptionalFieldsMissing_UsesEmptyTitleAndSection()
    {
        using var file = new TempJsonl("""{"id":"a","text":"t"}""");

        var doc = JsonlCorpusReader.Read(file.Path).Single();

        Assert.Equal(("", ""), (doc.Title, doc.Section));
    }

    [Fact]
    public void Read_BlankLines_AreSkippedButCounted()
    {
        using var file = new TempJsonl("""{"id":"a","text":"t"}""", "", """{"id":"b"}""");

        var ex = Assert.Throws<CorpusFormatException>(() => JsonlCorpusReader.Read(file.Path).ToList());

        Assert.Equal(3, ex.LineNumber);
        Assert.Contains("\"text\"", ex.Reason);
    }

    [Theory]
    [InlineData("{\"id\":\"a\",\"text\":\"t", "invalid JSON")]
    [InlineData("""["a","t"]""", "JSON object")]
    [InlineData("""{"text":"t"}""", "\"id\"")]
    [InlineData("""{"id":true,"text":"t"}""", "\"id\"")]
    [InlineData("""{"id":"","text":"t"}""", "\"id\"")]
    [InlineData("""{"id":"a","text":5}""", "\"text\"")]
    [InlineData("""{"id":"a","law":["x"],"text":"t"}""", "\"law\"")]
    public void Read_MalformedSecondLine_ThrowsNamingFileAndLine(string badLine, string reasonFragment)
    {
        using var file = new TempJsonl("""{"id":"ok","text":"t"}""", badLine);

        var ex = Assert.Throws<CorpusFormatException>(() => JsonlCorpusReader.Read(file.Path).ToList());

        Assert.Equal(file.Path, ex.Path);
        Assert.Equal(2, ex.LineNumber);
        Assert.Contains(reasonFragment, ex.Reason);
        Assert.StartsWith($"{file.Path}:2:", ex.Message);
    }

    [Fact]
    public void Read_BadLineLater_StreamsEarlierDocumentsFirst()
    {
        using var file = new TempJsonl("""{"id":"a","text":"t"}""", "not json");
        using var docs = JsonlCorpusReader.Read(file.Path).GetEnumerator();

        Assert.True(docs.MoveNext());
        Assert.Equal("a", docs.Current.Id);
        Assert.Throws<CorpusFormatException>(() => docs.MoveNext());
    }

    [Fact]
    public void Read_MissingFile_ThrowsBeforeEnumeration()
    {
        var path = Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.jsonl");

        Assert.Throws<FileNotFoundException>(() => JsonlCorpusReader.Read(path));
    }
}
