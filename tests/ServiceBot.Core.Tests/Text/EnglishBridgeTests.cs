using ServiceBot.Text;

namespace ServiceBot.Core.Tests.Text;

public sealed class EnglishBridgeTests
{
    private static readonly EnglishBridge Bridge = EnglishBridge.Parse("""
        # comment
        公积金: housing fund, housing provident fund
        住房: housing
        提取: withdraw, take out
        材料: documents, papers
        企业: company
        多久: how long
        """);

    [Fact]
    public void Translate_LongestPhraseAtAPlaceWins()
    {
        var bridged = Bridge.Translate("What documents do I need to withdraw my housing provident fund?");

        Assert.NotNull(bridged);
        Assert.Equal("材料提取公积金", bridged.Text);
        Assert.Equal([("documents", "材料"), ("withdraw", "提取"), ("housing provident fund", "公积金")], bridged.Phrases);
        Assert.Equal(1, bridged.Understood);
    }

    [Theory]
    [InlineData("Withdrawing from the fund?", "提取")]
    [InlineData("Two companies", "企业")]
    [InlineData("He took out a loan", null)] // took is not an inflection the bridge reads
    public void Translate_LastWordOfAPhrase_MatchesItsInflections(string question, string? chinese)
    {
        var bridged = Bridge.Translate(question);

        if (chinese is null) Assert.True(bridged is null || !bridged.Text.Contains("提取"), bridged?.Text);
        else Assert.Contains(chinese, bridged!.Text);
    }

    [Fact]
    public void Translate_WordsNoPhraseNames_AreKeptAndCountAgainstWhatWasUnderstood()
    {
        var bridged = Bridge.Translate("How long to find a cheap hotel near the housing fund office?");

        Assert.NotNull(bridged);
        Assert.Contains("hotel", bridged.Text);
        Assert.Contains("cheap", bridged.Text);
        Assert.DoesNotContain(" the ", $" {bridged.Text} ");
        Assert.InRange(bridged.Understood, 0.1, 0.6);
    }

    [Fact]
    public void Translate_FillerWords_AreNeitherKeptNorCountedAsUnread()
    {
        var bridge = EnglishBridge.Parse("多久: how long\n提取: withdraw", filler: "# glue\ntake\nactually");

        var bridged = bridge.Translate("Actually, how long does it take to withdraw?");
        var unfiltered = Bridge.Translate("Actually, how long does it take to withdraw?");

        Assert.NotNull(bridged);
        Assert.Equal("多久提取", bridged.Text);
        Assert.Equal(1, bridged.Understood);
        Assert.NotNull(unfiltered);
        Assert.Contains("take", unfiltered.Text);
        Assert.True(unfiltered.Understood < 1);
    }

    [Fact]
    public void Default_ShippedFiller_KeepsWordsThatNameWhatIsAsked()
    {
        var bridged = EnglishBridge.Default.Translate("Actually, how long does it take to find a cheap hotel near the housing fund office?");

        Assert.NotNull(bridged);
        Assert.DoesNotContain("take", bridged.Text);
        Assert.DoesNotContain("actually", bridged.Text);
        Assert.Contains("hotel", bridged.Text);
        Assert.Contains("cheap", bridged.Text);
    }

    [Fact]
    public void Translate_NoPhraseKnown_Null() => Assert.Null(Bridge.Translate("What is the weather like tomorrow?"));

    [Fact]
    public void Translate_Rest_DoesNotMatchInsideAnotherWord()
    {
        var bridge = EnglishBridge.Parse("休息: rest");

        Assert.Null(bridge.Translate("a good restaurant with interest"));
        Assert.Equal("休息", bridge.Translate("Where can riders rest?")!.Text.Split(' ')[^1]);
    }

    [Theory]
    [InlineData("公积金 housing fund")]
    [InlineData("住房 公积金: housing fund")]
    [InlineData("公积金:")]
    public void Parse_MalformedLine_FormatExceptionNamingTheLine(string line)
    {
        var error = Assert.Throws<FormatException>(() => EnglishBridge.Parse("# header\n" + line));

        Assert.Contains("line 2", error.Message);
    }

    [Fact]
    public void Default_ShippedLexicon_ReadsCityNamesAndTaskWords()
    {
        var bridged = EnglishBridge.Default.Translate("How long does a social insurance transfer to Hangzhou take?");

        Assert.NotNull(bridged);
        Assert.Contains("社保", bridged.Text);
        Assert.Contains("转移", bridged.Text);
        Assert.Contains("杭州市", bridged.Text);
        Assert.Contains("多久", bridged.Text);
    }
}
