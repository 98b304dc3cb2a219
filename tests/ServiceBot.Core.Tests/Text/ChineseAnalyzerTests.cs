using ServiceBot.Text;
using ServiceBot.Text.Spelling;

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
    public void AnalyzeQuery_LayPhrase_AddsPolicyWordsOneWay()
    {
        var analyzer = new ChineseAnalyzer(new ChineseAnalyzerOptions
        {
            LayExpansions = [new LayExpansion(["歇脚", "喝口水"], ["驿站", "休息"])],
            LayExpansionWeight = 0.5f,
            UseGeneralThesaurus = false,
        });
        var lay = analyzer.AnalyzeQuery("跑单中途想找地方喝口水");
        Assert.Equal(0.5f, lay.Words["驿站"]);
        Assert.Equal(0.5f, lay.Bigrams["驿站"]);
        Assert.Equal(["喝口水"], Assert.Single(lay.Expansions).LayPhrases);
        var policy = analyzer.AnalyzeQuery("驿站在哪里");
        Assert.DoesNotContain("歇脚", policy.Words.Keys);
        Assert.Empty(policy.Expansions);
    }

    [Theory]
    [InlineData("my boss fired me yesterday", true)]
    [InlineData("she quits tomorrow", true)]
    [InlineData("the embossed card was fired in a kiln", false)]
    [InlineData("I quite like my job", false)]
    public void AnalyzeQuery_EnglishLayPhrase_MatchesWholeWordsOnly(string question, bool expands)
    {
        var analyzer = new ChineseAnalyzer(new ChineseAnalyzerOptions
        {
            LayExpansions = [new LayExpansion(["boss fired", "quit"], ["employer", "terminate the labour contracts"])],
            LayExpansionWeight = 0.5f,
            UseGeneralThesaurus = false,
        });

        var query = analyzer.AnalyzeQuery(question);

        Assert.Equal(expands, query.Expansions.Count == 1);
        // An English policy phrase is searched as its words, singular as the index holds them.
        if (expands) Assert.All(new[] { "employer", "terminate", "labour", "contract" }, w => Assert.Equal(0.5f, query.Words[w]));
    }

    [Fact]
    public void AnalyzeQuery_MinedLayWord_AddsPolicyWordsAtItsOwnWeightWithoutReportingThem()
    {
        var analyzer = new ChineseAnalyzer(new ChineseAnalyzerOptions
        {
            LayExpansions = [new LayExpansion(["喝口水"], ["驿站"])],
            MinedLayExpansions = [new LayExpansion(["工钱"], ["工资", "驿站"])],
            MinedLayExpansionWeight = 0.2f,
            UseGeneralThesaurus = false,
        });

        var query = analyzer.AnalyzeQuery("工钱拖了想找地方喝口水");

        Assert.Equal(0.2f, query.Words["工资"]);
        Assert.Equal(0.2f, query.Bigrams["工资"]);
        Assert.Equal(0.5f, query.Words["驿站"]); // the reviewed expansion's weight is not lowered
        Assert.Equal(["喝口水"], Assert.Single(query.Expansions).LayPhrases);
        Assert.DoesNotContain("工资", analyzer.AnalyzeQuery("驿站在哪里").Words.Keys);
    }

    [Theory]
    [InlineData(0f)]
    [InlineData(1.5f)]
    public void Constructor_MinedWeightOutOfRange_Throws(float weight)
        => Assert.Throws<ArgumentOutOfRangeException>(() => new ChineseAnalyzer(new ChineseAnalyzerOptions { MinedLayExpansionWeight = weight }));

    [Fact]
    public void AnalyzeQuery_MisspeltDomainWord_AnalysesTheTermAndReportsTheCorrection()
    {
        var analyzer = new ChineseAnalyzer(new ChineseAnalyzerOptions { DomainWords = ["社保"], UseGeneralThesaurus = false });
        var query = analyzer.AnalyzeQuery("设保咋交");
        Assert.Contains("社保", query.Words.Keys);
        Assert.DoesNotContain("设保", query.Bigrams.Keys);
        Assert.Equal(new SpellingCorrection(0, "设保", "社保"), Assert.Single(query.Corrections));
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
