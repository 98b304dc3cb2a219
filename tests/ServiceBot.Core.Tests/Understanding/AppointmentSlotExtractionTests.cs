using System.Globalization;
using ServiceBot.Conversation;
using ServiceBot.Understanding.Slots;

namespace ServiceBot.Core.Tests.Understanding;

/// <summary>The slots of 外商投资企业设立登记预约 as the extractor finds them, with the host's own zone set to UTC.</summary>
public sealed class AppointmentSlotExtractionTests
{
    private static readonly string[] RegistrationSlots =
        [SlotIds.Passport, SlotIds.CompanyName, SlotIds.BusinessScope, SlotIds.RegisteredCapital, SlotIds.AppointmentDate, SlotIds.Phone];

    private static SlotExtractor At(string beijingNow)
        => SlotExtractor.CreateDefault(new ServiceTimeProvider(new UtcHostClock(DateTimeOffset.Parse(beijingNow, CultureInfo.InvariantCulture))));

    private static ExtractedSlot Date(string beijingNow, string text)
        => At(beijingNow).ExtractSlots(text, RegistrationSlots, SlotIds.AppointmentDate)[SlotIds.AppointmentDate];

    [Fact]
    public void AppointmentDate_TomorrowSaidFridayAt2330_IsSaturdayRefusedWithNextMondayOffered()
    {
        var date = Date("2026-12-04T23:30:00+08:00", "明天");

        Assert.False(date.IsValid);
        Assert.Equal("2026-12-05", date.Value);
        Assert.Contains("周六不办公", date.Validation.Reason);
        Assert.Equal("2026年12月7日", date.Validation.Suggestion);
    }

    [Fact]
    public void AppointmentDate_TodaySaidSaturdayAt0030_IsTheBeijingSaturdayNotTheUtcFriday()
    {
        var date = Date("2026-12-05T00:30:00+08:00", "今天");

        Assert.False(date.IsValid);
        Assert.Equal("2026-12-05", date.Value);
    }

    [Fact]
    public void AppointmentDate_TodaySaidMondayAt0030_IsAccepted()
    {
        var date = Date("2026-11-30T00:30:00+08:00", "今天");

        Assert.True(date.IsValid, date.Validation.Reason);
        Assert.Equal("2026-11-30", date.Value);
    }

    [Fact]
    public void AppointmentDate_Yesterday_IsRefusedAsPast()
    {
        var date = Date("2026-11-30T00:30:00+08:00", "昨天");

        Assert.False(date.IsValid);
        Assert.Contains("已经过去", date.Validation.Reason);
    }

    [Theory]
    [InlineData("2026-11-30T10:00:00+08:00", "12月3日", "2026-12-03")]
    [InlineData("2026-11-30T10:00:00+08:00", "周五", "2026-12-04")]
    [InlineData("2026-11-30T10:00:00+08:00", "下周一", "2026-12-07")]
    [InlineData("2026-12-10T10:00:00+08:00", "1月5日", "2027-01-05")]
    [InlineData("2026-11-30T10:00:00+08:00", "下周一上午十点", "2026-12-07")]
    public void AppointmentDate_IncompleteDate_LeansToTheFuture(string beijingNow, string text, string expected)
    {
        var date = Date(beijingNow, text);

        Assert.True(date.IsValid, date.Validation.Reason);
        Assert.Equal(expected, date.Value);
    }

    [Fact]
    public void AppointmentDate_NationalDay_IsRefusedWithTheHoliday()
    {
        var date = Date("2026-09-28T10:00:00+08:00", "10月2日");

        Assert.False(date.IsValid);
        Assert.Contains("国庆节假期", date.Validation.Reason);
        Assert.Equal("2026年10月8日", date.Validation.Suggestion);
    }

    [Fact]
    public void ExtractSlots_OpeningSentence_FindsPassportAndCapital()
    {
        var result = At("2026-11-30T10:00:00+08:00").ExtractSlots(
            "我叫Amir Khan，护照PK1234567，想注册一家外资公司，注册资本50万美元，手机13500005555", RegistrationSlots);

        Assert.Equal("PK1234567", result[SlotIds.Passport].Value);
        Assert.Equal("500000 USD", result[SlotIds.RegisteredCapital].Value);
        Assert.Equal("13500005555", result[SlotIds.Phone].Value);
        Assert.False(result.ContainsKey(SlotIds.CompanyName));
        Assert.All(result.Values, s => Assert.True(s.IsValid, s.Validation.Reason));
    }

    [Fact]
    public void ExtractSlots_IdNumberWhenPassportAsked_RefusedAsAnIdNumber()
    {
        var result = At("2026-11-30T10:00:00+08:00").ExtractSlots("130402199003074510", RegistrationSlots, SlotIds.Passport);

        Assert.False(result[SlotIds.Passport].IsValid);
        Assert.Contains("身份证", result[SlotIds.Passport].Validation.Reason);
    }

    [Theory]
    [InlineData("义乌环球贸易有限公司", true)]
    [InlineData("Global Trade (Yiwu) Co., Ltd.", true)]
    [InlineData("环球贸易", false)]
    public void ExtractSlots_CompanyNameAsked_ValidatesTheReply(string reply, bool valid)
    {
        var result = At("2026-11-30T10:00:00+08:00").ExtractSlots(reply, RegistrationSlots, SlotIds.CompanyName);

        Assert.Equal(valid, result[SlotIds.CompanyName].IsValid);
    }

    [Fact]
    public void ExtractSlots_CapitalAskedWithoutCurrency_AsksForTheCurrency()
    {
        var result = At("2026-11-30T10:00:00+08:00").ExtractSlots("50万", RegistrationSlots, SlotIds.RegisteredCapital);

        Assert.False(result[SlotIds.RegisteredCapital].IsValid);
        Assert.Contains("币种", result[SlotIds.RegisteredCapital].Validation.Reason);
    }

    /// <summary>A host whose own zone is UTC, stopped at one instant.</summary>
    private sealed class UtcHostClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();

        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
    }
}
