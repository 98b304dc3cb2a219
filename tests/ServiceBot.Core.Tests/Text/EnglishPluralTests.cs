using ServiceBot.Text;

namespace ServiceBot.Core.Tests.Text;

public sealed class EnglishPluralTests
{
    [Theory]
    [InlineData("stations", "station")]
    [InlineData("companies", "company")]
    [InlineData("fees", "fee")]
    [InlineData("places", "place")]
    [InlineData("hours", "hour")]
    public void Singular_Plural_FoldsToTheSingular(string plural, string singular)
        => Assert.Equal(singular, EnglishPlural.Singular(plural));

    [Theory]
    [InlineData("status")]
    [InlineData("address")]
    [InlineData("basis")]
    [InlineData("bus")]
    [InlineData("has")]
    [InlineData("社保s")]
    [InlineData("Fees")]
    public void Singular_NotALowerCasePlural_Unchanged(string word)
        => Assert.Equal(word, EnglishPlural.Singular(word));

    [Fact]
    public void AnalyzeQuery_PluralQuestionWord_SearchesTheSingular()
    {
        var analyzed = new ChineseAnalyzer().AnalyzeQuery("When are the stations open?");

        Assert.Contains("station", analyzed.Words.Keys);
        Assert.DoesNotContain("stations", analyzed.Words.Keys);
    }

    [Fact]
    public void Words_PluralInText_IndexedAsTheSingular()
        => Assert.Equal(["rider", "station"], new ChineseAnalyzer().Words("riders stations"));
}
