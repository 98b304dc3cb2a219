using ServiceBot.Text;

namespace ServiceBot.Core.Tests.Text;

[Collection(SegmenterSensitiveCollection.Name)]
public class TextAnalysisMemoTests
{
    [Fact]
    public void GetOrAdd_SameTextTwice_AnalysesOnceAndSharesTheResult()
    {
        var memo = new TextAnalysisMemo<string>(capacity: 8);
        var analyses = 0;
        string Analyse(string text) => $"{text}#{++analyses}";

        var first = memo.GetOrAdd("社保怎么转", Analyse);
        var second = memo.GetOrAdd("社保怎么转", Analyse);

        Assert.Equal(1, analyses);
        Assert.Same(first, second);
    }

    [Fact]
    public void GetOrAdd_DifferentTexts_AnalysesEach()
    {
        var memo = new TextAnalysisMemo<string>(capacity: 8);

        Assert.Equal("社保!", memo.GetOrAdd("社保", t => t + "!"));
        Assert.Equal("公积金!", memo.GetOrAdd("公积金", t => t + "!"));
    }

    [Fact]
    public void GetOrAdd_PastCapacity_ForgetsAndAnalysesAgain()
    {
        var memo = new TextAnalysisMemo<string>(capacity: 2);
        var analyses = 0;
        string Analyse(string text) => $"{text}#{++analyses}";

        memo.GetOrAdd("一", Analyse);
        memo.GetOrAdd("二", Analyse);
        memo.GetOrAdd("三", Analyse);
        var again = memo.GetOrAdd("一", Analyse);

        Assert.Equal("一#4", again);
    }

    [Fact]
    public void GetOrAdd_SegmenterDictionaryGainsWords_AnalysesAgain()
    {
        var memo = new TextAnalysisMemo<string>(capacity: 8);
        var analyses = 0;
        string Analyse(string text) => $"{text}#{++analyses}";
        memo.GetOrAdd("骑手驿站", Analyse);

        SegmenterResources.AddWords(["memo" + Guid.NewGuid().ToString("N")]);
        var after = memo.GetOrAdd("骑手驿站", Analyse);

        Assert.Equal("骑手驿站#2", after);
    }

    [Fact]
    public void Constructor_CapacityZero_Throws()
        => Assert.Throws<ArgumentOutOfRangeException>(() => new TextAnalysisMemo<string>(0));
}
