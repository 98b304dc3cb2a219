using ServiceBot.Llm;

namespace ServiceBot.Core.Tests.Llm;

public sealed class CitationMarkerFilterTests
{
    private static (string Streamed, CitationMarkerFilter Filter) Run(int clauses, params string[] deltas)
    {
        var filter = new CitationMarkerFilter(clauses);
        var streamed = string.Concat(deltas.Select(filter.Push)) + filter.Complete();
        return (streamed, filter);
    }

    [Fact]
    public void Push_MarkersOfRetrievedClauses_KeptAndRenumberedInOrderOfUse()
    {
        var (streamed, filter) = Run(3, "可以提取[3]。需提供身份证[1]，", "再次引用[3]。");

        Assert.Equal("可以提取[1]。需提供身份证[2]，再次引用[1]。", streamed);
        Assert.Equal([3, 1], filter.Cited);
    }

    [Fact]
    public void Push_FabricatedMarker_Dropped()
    {
        var (streamed, filter) = Run(2, "满3个月可以提取[1][7]。");

        Assert.Equal("满3个月可以提取[1]。", streamed);
        Assert.Equal([1], filter.Cited);
    }

    [Fact]
    public void Push_MarkerSplitAcrossDeltas_Recognised()
    {
        var (streamed, filter) = Run(2, "依据[", "2", "]及[", "9]。");

        Assert.Equal("依据[1]及。", streamed);
        Assert.Equal([2], filter.Cited);
    }

    [Fact]
    public void Push_BracketsThatAreNotMarkers_PassThrough()
    {
        var (streamed, filter) = Run(2, "[注]详见[附件]，[]为空，[12345热线]");

        Assert.Equal("[注]详见[附件]，[]为空，[12345热线]", streamed);
        Assert.Empty(filter.Cited);
    }

    [Fact]
    public void Push_FullWidthMarker_Normalised()
    {
        var (streamed, _) = Run(1, "可以［1］。");

        Assert.Equal("可以[1]。", streamed);
    }

    [Fact]
    public void Complete_UnfinishedMarker_ReleasedAsText()
    {
        var (streamed, filter) = Run(2, "结尾[1");

        Assert.Equal("结尾[1", streamed);
        Assert.Equal(streamed, filter.Text);
    }
}
