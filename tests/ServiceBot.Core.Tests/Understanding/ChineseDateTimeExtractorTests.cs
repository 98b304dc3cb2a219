using ServiceBot.Understanding.Slots;

namespace ServiceBot.Core.Tests.Understanding;

public class ChineseDateTimeExtractorTests
{
    // Saturday 2026-11-28, 10:00 in UTC+8.
    private static readonly ChineseDateTimeExtractor Extractor = new(FixedTimeProvider.At("2026-11-28 10:00"));

    private static string Single(ChineseDateTimeExtractor extractor, string text)
        => Assert.Single(extractor.FindAll(text)).Value;

    [Theory]
    [InlineData("昨天下午三点", "2026-11-27T15:00:00+08:00")]
    [InlineData("昨天下午3点", "2026-11-27T15:00:00+08:00")]
    [InlineData("今天上午10点半", "2026-11-28T10:30:00+08:00")]
    [InlineData("前天晚上8点", "2026-11-26T20:00:00+08:00")]
    [InlineData("大前天", "2026-11-25")]
    [InlineData("上周五", "2026-11-20")]
    [InlineData("周五", "2026-11-27")]
    [InlineData("上个月15号", "2026-10-15")]
    [InlineData("3月5日下午2点", "2026-03-05T14:00:00+08:00")]
    [InlineData("2026年10月", "2026-10")]
    [InlineData("2026-10-03 14:00", "2026-10-03T14:00:00+08:00")]
    [InlineData("刚才", "2026-11-28T10:00:00+08:00")]
    [InlineData("刚刚", "2026-11-28T10:00:00+08:00")]
    [InlineData("昨晚十一点一刻", "2026-11-27T23:15:00+08:00")]
    [InlineData("今天中午12点", "2026-11-28T12:00:00+08:00")]
    [InlineData("11月20日", "2026-11-20")]
    [InlineData("去年12月", "2025-12")]
    public void FindAll_Phrase_NormalisedToIso(string text, string expected)
    {
        Assert.Equal(expected, Single(Extractor, text));
    }

    [Fact]
    public void FindAll_LastMonthInJanuary_CrossesYear()
    {
        var january = new ChineseDateTimeExtractor(FixedTimeProvider.At("2026-01-10 09:00"));

        Assert.Equal("2025-12-15", Single(january, "上个月15号"));
    }

    [Fact]
    public void FindAll_YesterdayOnFirstOfMonth_CrossesMonth()
    {
        var firstOfMarch = new ChineseDateTimeExtractor(FixedTimeProvider.At("2026-03-01 08:00"));

        Assert.Equal("2026-02-28T15:00:00+08:00", Single(firstOfMarch, "昨天下午三点"));
    }

    [Fact]
    public void FindAll_MonthDayLaterThanToday_MeansLastYear()
    {
        var february = new ChineseDateTimeExtractor(FixedTimeProvider.At("2026-02-10 08:00"));

        Assert.Equal("2025-12-05", Single(february, "12月5日"));
    }

    [Fact]
    public void FindAll_ClockOnlyLaterThanNow_MeansYesterday()
    {
        Assert.Equal("2026-11-27T20:00:00+08:00", Single(Extractor, "晚上8点摔的"));
    }

    [Fact]
    public void FindAll_ExplicitNow_OverridesClock()
    {
        var mentions = Extractor.FindAll("昨天", new DateTimeOffset(2026, 1, 1, 2, 0, 0, TimeSpan.Zero));

        Assert.Equal("2025-12-31", Assert.Single(mentions).Value);
    }

    [Theory]
    [InlineData("我要提取3000元")]
    [InlineData("有点疼")]
    [InlineData("3号楼")]
    [InlineData("他人在国外 一时半会回不来")]
    [InlineData("一时半晌办不下来")]
    public void FindAll_NoDate_FindsNothing(string text)
    {
        Assert.Empty(Extractor.FindAll(text));
    }

    [Fact]
    public void FindAll_SentenceWithDate_SpanCoversPhrase()
    {
        const string text = "我昨天下午三点在路口摔了";
        var mention = Assert.Single(Extractor.FindAll(text));

        Assert.Equal("昨天下午三点", text.Substring(mention.Start, mention.Length));
    }
}
