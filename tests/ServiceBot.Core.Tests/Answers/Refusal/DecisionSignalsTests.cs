using ServiceBot.Answers.Refusal;

namespace ServiceBot.Core.Tests.Answers.Refusal;

public sealed class DecisionSignalsTests
{
    [Fact]
    public void RankerConfidence_WithoutTheRanker_IsUndecided()
        => Assert.Equal(0.5, new DecisionSignals(true, true, null, null, 0.4, 0).RankerConfidence);

    [Fact]
    public void RankerConfidence_HigherScore_IsHigherOnAZeroToOneScale()
    {
        var low = new DecisionSignals(true, true, -2, null, 0.4, 0).RankerConfidence;
        var high = new DecisionSignals(true, true, 3, null, 0.4, 0).RankerConfidence;

        Assert.InRange(low, 0, 0.5);
        Assert.InRange(high, 0.5, 1);
    }

    [Fact]
    public void RankerMargin_WithoutTheRanker_IsZero()
        => Assert.Equal(0, new DecisionSignals(true, true, null, null, 0.4, 0).RankerMargin);

    [Fact]
    public void RankerMargin_NoSecondClause_IsFull()
        => Assert.Equal(1, new DecisionSignals(true, true, 1.5, null, 0.4, 0).RankerMargin);

    [Fact]
    public void RankerMargin_WiderLead_IsLarger()
    {
        var narrow = new DecisionSignals(true, true, 1.5, 1.4, 0.4, 0).RankerMargin;
        var wide = new DecisionSignals(true, true, 1.5, -0.5, 0.4, 0).RankerMargin;

        Assert.InRange(narrow, 0, wide);
        Assert.True(wide < 1);
    }
}
