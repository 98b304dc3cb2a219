using ServiceBot.Understanding.Slots;

namespace ServiceBot.Core.Tests.Understanding;

public class WagePeriodExtractorTests
{
    private static readonly DateTime Now = new(2026, 11, 28, 10, 0, 0);

    [Theory]
    [InlineData("2026年9月到11月", "2026-09至2026-11")]
    [InlineData("9月-10月", "2026-09至2026-10")]
    [InlineData("去年12月至今", "2025-12至2026-11")]
    [InlineData("三个月", "近3个月")]
    [InlineData("最近两个多月", "近2个月")]
    [InlineData("半年", "近6个月")]
    [InlineData("10月以来", "2026-10至2026-11")]
    [InlineData("去年11月到今年2月", "2025-11至2026-02")]
    public void FindAll_Phrase_ReadableNormalisedPeriod(string text, string expected)
    {
        Assert.Equal(expected, Assert.Single(WagePeriodExtractor.FindAll(text, Now)).Value);
    }

    [Theory]
    [InlineData("五月份六月份的工资都没给", "2026-05至2026-06")]
    [InlineData("从三月干到八月", "2026-03至2026-08")]
    [InlineData("七月、八月", "2026-07至2026-08")]
    public void FindAll_MonthsSideBySideOrWithAVerbBetween_IsARange(string text, string expected)
    {
        Assert.Equal(expected, Assert.Single(WagePeriodExtractor.FindAll(text, Now)).Value);
    }

    [Fact]
    public void FindAll_MonthThenDay_NotARange()
    {
        Assert.DoesNotContain(WagePeriodExtractor.FindAll("十月十五号发工资", Now), p => p.Value.Contains('至', StringComparison.Ordinal));
    }

    [Fact]
    public void FindAll_RangeWithoutYearsAcrossNewYear_EndsNextYear()
    {
        var february = new DateTime(2026, 2, 15);

        Assert.Equal("2025-11至2026-01", Assert.Single(WagePeriodExtractor.FindAll("11月到1月", february)).Value);
    }

    [Fact]
    public void ExtractSlots_SingleMonth_IsPeriod()
    {
        var extractor = SlotExtractor.CreateDefault(FixedTimeProvider.At("2026-11-28 10:00"));

        var result = extractor.ExtractSlots("上个月的工资没发", [SlotIds.Period]);

        Assert.Equal("2026-10", result[SlotIds.Period].Value);
    }

    [Fact]
    public void FindAll_MonthsListedOneByOne_OneRangeFromFirstToLast()
    {
        Assert.Equal("2026-04至2026-06", WagePeriodExtractor.FindAll("四月 五月 六月 三个月的", Now)[0].Value);
    }

    [Fact]
    public void FindAll_MonthSaidAgainWithItsYear_OpensTheRange()
    {
        Assert.Contains(WagePeriodExtractor.FindAll("不是 九月 去年九月到今年一月", Now), p => p.Value == "2025-09至2026-01");
    }
}
