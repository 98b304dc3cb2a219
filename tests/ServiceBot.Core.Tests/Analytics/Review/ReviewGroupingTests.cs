using ServiceBot.Analytics.Review;

namespace ServiceBot.Core.Tests.Analytics.Review;

public sealed class ReviewGroupingTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);

    private static ReviewItem Item(string question, int minute, string kind = ReviewKinds.Refusal, IReadOnlyList<string>? cited = null)
        => new(kind, question, Start.AddMinutes(minute), "c-" + minute, Cited: cited);

    [Fact]
    public void Normalize_PunctuationFillersAndPhoneNumber_LeavesTheWording()
    {
        Assert.Equal("骑手能交住房公积金吗", QuestionWording.Normalize("那个，骑手能交住房公积金吗？？"));
        Assert.Equal(QuestionWording.Normalize("骑手能交公积金吗"), QuestionWording.Normalize("骑手能交公积金吗 13812345678"));
    }

    [Fact]
    public void Similarity_SameAndUnrelatedWording_OneAndZero()
    {
        var grams = QuestionWording.Bigrams("骑手能交公积金吗");

        Assert.Equal(1.0, QuestionWording.Similarity(grams, QuestionWording.Bigrams("骑手能交公积金吗")));
        Assert.Equal(0.0, QuestionWording.Similarity(grams, QuestionWording.Bigrams("今天天气怎么样")));
    }

    [Fact]
    public void Group_SimilarWordings_OneGroupMostFrequentFirst()
    {
        var groups = ReviewGrouping.Group(
        [
            Item("今天天气怎么样", 0),
            Item("骑手能交公积金吗", 1),
            Item("骑手能不能交公积金吗？", 2, ReviewKinds.ThumbsDown, ["《关于加强新就业群体服务管理的意见》四、(八)"]),
            Item("请问骑手能交公积金吗", 3, ReviewKinds.Handoff),
        ], threshold: 0.5, examplesPerGroup: 2);

        Assert.Equal(2, groups.Count);
        var first = groups[0];
        Assert.Equal(3, first.Count);
        Assert.Equal("骑手能交公积金吗", first.Question);
        Assert.Equal([ReviewKinds.Handoff, ReviewKinds.Refusal, ReviewKinds.ThumbsDown], first.Kinds);
        Assert.Equal(["《关于加强新就业群体服务管理的意见》四、(八)"], first.Cited);
        Assert.Equal(["c-3", "c-2"], first.Examples.Select(e => e.ConversationId));
        Assert.Equal(Start.AddMinutes(3), first.LastAt);
        Assert.Equal(1, groups[1].Count);
    }

    [Fact]
    public void Group_ThresholdAboveTheOverlap_KeepsWordingsApart()
    {
        var items = new[] { Item("骑手能交公积金吗", 0), Item("骑手能不能交公积金", 1) };

        Assert.Single(ReviewGrouping.Group(items, threshold: 0.4, examplesPerGroup: 5));
        Assert.Equal(2, ReviewGrouping.Group(items, threshold: 0.9, examplesPerGroup: 5).Count);
    }

    [Fact]
    public void Matches_RecurringWordingWithOtherPunctuation_True()
    {
        var key = QuestionWording.Normalize("骑手能交公积金吗");

        Assert.True(ReviewGrouping.Matches("骑手，能交公积金吗！", key, 0.5));
        Assert.False(ReviewGrouping.Matches("失业金怎么领", key, 0.5));
    }
}
