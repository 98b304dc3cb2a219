using ServiceBot.Text;

namespace ServiceBot.Core.Tests.Text;

/// <summary>
/// The analyzer's memos forget whenever jieba's shared dictionary gains words, which other tests' knowledge fixtures
/// do at any moment; so these run alone.
/// </summary>
[Collection(SegmenterSensitiveCollection.Name)]
public class ChineseAnalyzerMemoTests
{
    [Fact]
    public void AnalyzeQuery_SameQueryTwice_SharesOneResultEqualToAFreshAnalysis()
    {
        var options = new ChineseAnalyzerOptions { DomainWords = ["社保"], SynonymGroups = [["骑手", "网约配送员"]], UseGeneralThesaurus = false };
        var analyzer = new ChineseAnalyzer(options);

        var first = analyzer.AnalyzeQuery("骑手设保断缴了怎么办");
        var second = analyzer.AnalyzeQuery("骑手设保断缴了怎么办");
        var fresh = new ChineseAnalyzer(options).AnalyzeQuery("骑手设保断缴了怎么办");

        Assert.Same(first, second);
        Assert.Equal(fresh.Words.OrderBy(w => w.Key, StringComparer.Ordinal), first.Words.OrderBy(w => w.Key, StringComparer.Ordinal));
        Assert.Equal(fresh.Bigrams.OrderBy(b => b.Key, StringComparer.Ordinal), first.Bigrams.OrderBy(b => b.Key, StringComparer.Ordinal));
        Assert.Equal(fresh.Corrections, first.Corrections);
        Assert.Contains("网约配送员", first.Words.Keys);
    }

    [Fact]
    public void Correct_SameTextTwice_SharesOneCorrection()
    {
        var analyzer = new ChineseAnalyzer(new ChineseAnalyzerOptions { DomainWords = ["社保"], UseGeneralThesaurus = false });

        var first = analyzer.Correct("设保咋交");

        Assert.Same(first, analyzer.Correct("设保咋交"));
        Assert.Equal("社保咋交", first.Text);
    }
}
