using ServiceBot.Text;

namespace ServiceBot.Core.Tests.Text;

public class ChineseAnalyzerTests
{
    [Fact]
    public void AnalyzeQuery_LayQuestion_DropsQuestionWords()
    {
        var query = new ChineseAnalyzer().AnalyzeQuery("请问公司拖欠工资怎么办？");
        Assert.DoesNotContain("请问", query.Words.Keys);
        Assert.DoesNotContain("怎么办", query.Words.Keys);
        Assert.Contains("公司", query.Words.Keys);
        Assert.Contains("工资", query.Bigrams.Keys);
    }

    [Fact]
    public void AnalyzeQuery_SynonymGroup_AddsAlternativesAtLowerWeight()
    {
        var analyzer = new ChineseAnalyzer(new ChineseAnalyzerOptions
        {
            SynonymGroups = [["网约配送员", "骑手", "外卖小哥"]],
            SynonymWeight = 0.3f,
            UseGeneralThesaurus = false,
        });
        var query = analyzer.AnalyzeQuery("骑手");
        Assert.Equal(1f, query.Words["骑手"]);
        Assert.Equal(0.3f, query.Words["网约配送员"]);
        Assert.Equal(0.3f, query.Bigrams["配送"]);
    }

    [Fact]
    public void Words_DomainWord_StaysWhole()
    {
        // jieba's dictionary is process-wide, so this test owns a word no other test adds.
        const string word = "暖蜂驿站";
        var plain = new ChineseAnalyzer().Words("城区暖蜂驿站开放");
        var domain = new ChineseAnalyzer(new ChineseAnalyzerOptions { DomainWords = [word] }).Words("城区暖蜂驿站开放");
        Assert.DoesNotContain(word, plain);
        Assert.Contains(word, domain);
    }

    [Fact]
    public void Bigrams_MixedText_OnlyInsideIdeographRuns()
        => Assert.Equal(["工伤", "保险", "条例"], ChineseAnalyzer.Bigrams("工伤 保险2024条例"));

    [Fact]
    public void Normalize_FullWidthAndCase_AreFolded()
        => Assert.Equal("abc 123?", TextNormalizer.Normalize("ＡＢｃ　１２３？"));
}
