using ServiceBot.Retrieval.Evaluation;

namespace ServiceBot.Core.Tests.Retrieval.Evaluation;

public class LatencySummaryTests
{
    [Fact]
    public void From_FiveUnsortedValues_UsesNearestRank()
    {
        // p50: rank ceil(2.5) = 3 -> 3; p99: rank ceil(4.95) = 5 -> 5.
        Assert.Equal(new LatencySummary(5, 3, 5, 3), LatencySummary.From([5, 1, 4, 2, 3]));
    }

    [Fact]
    public void From_OneToHundred_P99IsNinetyNine()
    {
        var summary = LatencySummary.From(Enumerable.Range(1, 100).Select(i => (double)i));

        Assert.Equal((50.0, 99.0, 50.5), (summary.P50, summary.P99, summary.Mean));
    }

    [Fact]
    public void From_SingleValue_AllStatisticsEqualIt()
    {
        Assert.Equal(new LatencySummary(1, 7.5, 7.5, 7.5), LatencySummary.From([7.5]));
    }

    [Fact]
    public void From_NoValues_Throws()
    {
        Assert.Throws<ArgumentException>(() => LatencySummary.From([]));
    }
}
