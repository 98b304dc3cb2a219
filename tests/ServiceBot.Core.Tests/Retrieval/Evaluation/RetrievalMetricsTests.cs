using ServiceBot.Retrieval;
using ServiceBot.Retrieval.Evaluation;

namespace ServiceBot.Core.Tests.Retrieval.Evaluation;

public class RetrievalMetricsTests
{
    private static readonly string[] Ranked = ["a", "x", "b", "y", "c"];
    private static readonly HashSet<string> FourRelevant = ["a", "b", "c", "d"];

    [Theory]
    [InlineData(1, 0.25)]
    [InlineData(3, 0.5)]
    [InlineData(5, 0.75)]
    [InlineData(100, 0.75)]
    public void RecallAt_RelevantSpreadOverRanks_CountsOnlyTopK(int k, double expected)
    {
        Assert.Equal(expected, RetrievalMetrics.RecallAt(Ranked, FourRelevant, k), 12);
    }

    [Fact]
    public void RecallAt_DuplicateHit_CountsOnce()
    {
        Assert.Equal(0.5, RetrievalMetrics.RecallAt(["a", "a"], ["a", "b"], 10), 12);
    }

    [Fact]
    public void RecallCountingTwins_RelevantTwinListedUnderAHit_CountsWithinTheCutoffOnly()
    {
        SearchHit[] hits =
        [
            new("a", 3) { Twins = ["d"] },
            new("x", 2),
            new("y", 1) { Twins = ["b"] },
        ];
        Assert.Equal(0.5, RetrievalMetrics.RecallCountingTwins(hits, FourRelevant, 1));
        Assert.Equal(0.75, RetrievalMetrics.RecallCountingTwins(hits, FourRelevant, 3));
        Assert.Equal(0.25, RetrievalMetrics.RecallAt(hits.Select(h => h.Id).ToList(), FourRelevant, 3));
    }

    [Fact]
    public void RecallAt_NoJudgements_IsZero()
    {
        Assert.Equal(0, RetrievalMetrics.RecallAt(Ranked, [], 10));
    }

    [Theory]
    [InlineData(10, 1.0 / 3)]
    [InlineData(3, 1.0 / 3)]
    [InlineData(2, 0)]
    public void ReciprocalRankAt_FirstRelevantAtRankThree_IsOneThirdWithinCutoff(int k, double expected)
    {
        Assert.Equal(expected, RetrievalMetrics.ReciprocalRankAt(["x", "y", "b", "a"], ["a", "b"], k), 12);
    }

    [Fact]
    public void NdcgAt_RelevantAtRanksTwoAndFour_MatchesHandComputation()
    {
        // DCG = 1/log2(3) + 1/log2(5) = 1.0616063; ideal = 1 + 1/log2(3) = 1.6309298.
        Assert.Equal(0.6509209298, RetrievalMetrics.NdcgAt(["x", "a", "y", "b"], ["a", "b"], 10), 9);
    }

    [Fact]
    public void NdcgAt_MoreRelevantThanCutoffAllInTopTen_IsOne()
    {
        var relevant = Enumerable.Range(0, 12).Select(i => $"r{i}").ToHashSet();

        Assert.Equal(1.0, RetrievalMetrics.NdcgAt(relevant.Take(10).ToList(), relevant, 10), 12);
    }

    [Fact]
    public void NdcgAt_SingleRelevantAtRankOne_IsOne()
    {
        Assert.Equal(1.0, RetrievalMetrics.NdcgAt(["a", "x"], ["a"], 10), 12);
    }

    [Theory]
    [InlineData(2, false)]
    [InlineData(3, true)]
    public void HitAt_FirstRelevantAtRankThree_DependsOnCutoff(int k, bool expected)
    {
        Assert.Equal(expected, RetrievalMetrics.HitAt(["x", "y", "b"], ["b"], k));
    }

    [Fact]
    public void RecallAt_NonPositiveK_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RetrievalMetrics.RecallAt(Ranked, FourRelevant, 0));
    }

    [Fact]
    public void Evaluate_Ranking_FillsEveryMetric()
    {
        var query = new EvaluationQuery("q", "text", ["a", "b"]);
        var hits = new[] { "x", "a", "y", "b" }.Select(id => new SearchHit(id, 1f)).ToList();

        var m = RetrievalMetrics.Evaluate(query, hits);

        Assert.Equal(("q", 1.0, 1.0, 0.5, true), (m.QueryId, m.RecallAt10, m.RecallAt100, m.ReciprocalRankAt10, m.HitAt10));
        Assert.Equal(0.6509209298, m.NdcgAt10, 9);
    }

    [Fact]
    public void Average_TwoQueries_TakesMeanOfEachMetric()
    {
        var summary = RetrievalMetrics.Average(
        [
            new QueryMetrics("1", 1.0, 1.0, 1.0, 1.0, true),
            new QueryMetrics("2", 0.0, 0.5, 0.0, 0.2, false),
        ]);

        Assert.Equal(new MetricsSummary(2, 0.5, 0.75, 0.5, 0.6, 0.5), summary);
    }
}
