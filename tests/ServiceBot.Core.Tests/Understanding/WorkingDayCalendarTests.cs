using ServiceBot.Understanding.Slots;

namespace ServiceBot.Core.Tests.Understanding;

public sealed class WorkingDayCalendarTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.Default;

    [Theory]
    [InlineData("2026-10-02", "国庆节假期")]
    [InlineData("2026-02-16", "春节假期")]
    [InlineData("2026-01-01", "元旦假期")]
    [InlineData("2026-12-05", "周六")]
    [InlineData("2026-12-06", "周日")]
    public void Check_ClosedDay_SaysWhy(string day, string reason)
    {
        var verdict = Calendar.Check(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture));

        Assert.False(verdict.IsWorkingDay);
        Assert.Equal(reason, verdict.ClosedBecause);
    }

    [Theory]
    [InlineData("2026-10-10")] // a Saturday worked in exchange for the National Day week
    [InlineData("2026-01-04")] // a Sunday worked for New Year's Day
    [InlineData("2026-12-07")]
    public void Check_WorkingDay_IsOpen(string day)
        => Assert.True(Calendar.Check(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)).IsWorkingDay);

    [Fact]
    public void Check_YearNotInTheFile_CountsWeekendsOnly()
    {
        Assert.False(Calendar.Covers(2031));
        Assert.True(Calendar.Check(new DateOnly(2031, 10, 1)).IsWorkingDay);
        Assert.False(Calendar.Check(new DateOnly(2031, 10, 4)).IsWorkingDay);
    }

    [Fact]
    public void NextWorkingDay_InsideNationalDayWeek_IsTheDayAfterTheHoliday()
        => Assert.Equal(new DateOnly(2026, 10, 8), Calendar.NextWorkingDay(new DateOnly(2026, 10, 3)));

    [Fact]
    public void Parse_MalformedLine_NamesTheLine()
    {
        var error = Assert.Throws<FormatException>(() => WorkingDayCalendar.Parse("year 2026\n2026-10-01 放 国庆节"));

        Assert.Contains("line 2", error.Message);
    }

    [Fact]
    public void Validate_Saturday_RefusedWithReasonAndNextWorkingDayOffered()
    {
        var result = AppointmentDateValidator.Validate(new DateOnly(2026, 12, 5), new DateOnly(2026, 11, 30), Calendar);

        Assert.False(result.IsValid);
        Assert.Contains("周六不办公", result.Reason);
        Assert.Contains("2026年12月7日（周一）", result.Reason);
        Assert.Equal("2026年12月7日", result.Suggestion);
    }

    [Fact]
    public void Validate_Holiday_RefusedWithTheHolidaysName()
    {
        var result = AppointmentDateValidator.Validate(new DateOnly(2026, 10, 2), new DateOnly(2026, 9, 28), Calendar);

        Assert.False(result.IsValid);
        Assert.Contains("国庆节假期", result.Reason);
        Assert.Equal("2026年10月8日", result.Suggestion);
    }

    [Fact]
    public void Validate_PastDay_RefusedAndTodayOffered()
    {
        var result = AppointmentDateValidator.Validate(new DateOnly(2026, 11, 27), new DateOnly(2026, 11, 30), Calendar);

        Assert.False(result.IsValid);
        Assert.Contains("已经过去", result.Reason);
        Assert.Equal("2026年11月30日", result.Suggestion);
    }

    [Fact]
    public void Validate_TodayOnAWorkingDay_IsAccepted()
    {
        var result = AppointmentDateValidator.Validate(new DateOnly(2026, 11, 30), new DateOnly(2026, 11, 30), Calendar);

        Assert.True(result.IsValid, result.Reason);
        Assert.Equal("2026-11-30", result.Normalized);
    }
}
