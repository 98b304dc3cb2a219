using ServiceBot.Understanding.Slots;
using static ServiceBot.Core.Tests.Understanding.CatalogSlotSets;

namespace ServiceBot.Core.Tests.Understanding;

/// <summary>English values reach the catalog's normalised forms, the same as their Chinese counterparts.</summary>
public class EnglishSlotValuesTests
{
    // Monday 30 November 2026, 10:00 in UTC+8.
    private static readonly SlotExtractor Extractor = SlotExtractor.CreateDefault(FixedTimeProvider.At("2026-11-30 10:00"));

    [Theory]
    [InlineData("tomorrow", "2026-12-01")]
    [InlineData("the day after tomorrow", "2026-12-02")]
    [InlineData("yesterday", "2026-11-29")]
    [InlineData("next Monday", "2026-12-07")]
    [InlineData("last Friday", "2026-11-27")]
    [InlineData("this Friday", "2026-12-04")]
    [InlineData("December 3", "2026-12-03")]
    [InlineData("Dec. 3rd", "2026-12-03")]
    [InlineData("3 Dec 2026", "2026-12-03")]
    [InlineData("the 3rd of December", "2026-12-03")]
    [InlineData("December 3, 2026", "2026-12-03")]
    [InlineData("2026-12-03", "2026-12-03")]
    [InlineData("November 20", "2026-11-20")]
    public void FindAll_EnglishDate_IsoDayInServiceZone(string text, string expected)
    {
        var dates = new EnglishDateTimeExtractor(FixedTimeProvider.At("2026-11-30 10:00"));

        var found = dates.FindAll(text.ToLowerInvariant(), FixedTimeProvider.At("2026-11-30 10:00").GetUtcNow());
        var value = found.Count == 1 ? found[0].Value : Value(Extractor.ExtractSlots(text, [SlotIds.AccidentTime]), SlotIds.AccidentTime);

        Assert.Equal(expected, value);
    }

    [Fact]
    public void ExtractSlots_TomorrowJustAfterMidnightUtc_IsTheServiceZonesTomorrow()
    {
        // 23:30 on 30 November in Beijing is still 15:30 UTC: "tomorrow" is 1 December wherever the machine is.
        var lateEvening = SlotExtractor.CreateDefault(FixedTimeProvider.At("2026-11-30 23:30"));

        Assert.Equal("2026-12-01", Value(lateEvening.ExtractSlots("tomorrow please", [SlotIds.AccidentTime]), SlotIds.AccidentTime));
    }

    [Fact]
    public void ExtractSlots_YesterdayAt3Pm_MinuteWithOffset()
    {
        var result = Extractor.ExtractSlots("I fell off my bike yesterday at 3 pm", InjurySlots);

        Assert.Equal("2026-11-29T15:00:00+08:00", Value(result, SlotIds.AccidentTime));
        Assert.True(result[SlotIds.AccidentTime].IsValid);
    }

    [Theory]
    [InlineData("last month", "2026-10")]
    [InlineData("in October", "2026-10")]
    [InlineData("for March 2025", "2025-03")]
    public void ExtractSlots_EnglishMonth_WagePeriod(string text, string expected)
    {
        Assert.Equal(expected, Value(Extractor.ExtractSlots("my boss didn't pay me " + text, WageSlots), SlotIds.Period));
    }

    [Fact]
    public void ExtractSlots_MayAsAVerb_NoDate()
    {
        Assert.Null(Value(Extractor.ExtractSlots("I may need help", [SlotIds.AccidentTime, SlotIds.Period]), SlotIds.AccidentTime));
    }

    [Theory]
    [InlineData("8,600 yuan", "8600")]
    [InlineData("RMB 8600", "8600")]
    [InlineData("8600 rmb", "8600")]
    [InlineData("withdraw 5000", "5000")]
    [InlineData("he owes me 12000", "12000")]
    [InlineData("about 3k", "3000")]
    public void ExtractSlots_EnglishAmount_Yuan(string text, string expected)
    {
        Assert.Equal(expected, Value(Extractor.ExtractSlots(text, FundSlots), SlotIds.Amount));
    }

    [Theory]
    [InlineData("I worked 3 days")]
    [InlineData("at 5 pm")]
    public void ExtractSlots_EnglishCount_NotAnAmount(string text)
    {
        Assert.Null(Value(Extractor.ExtractSlots(text, FundSlots), SlotIds.Amount));
    }

    private static readonly string[] RegistrationSlots =
        [SlotIds.Passport, SlotIds.CompanyName, SlotIds.BusinessScope, SlotIds.RegisteredCapital, SlotIds.AppointmentDate, SlotIds.Phone];

    [Theory]
    [InlineData("tomorrow", "2026-12-01")]
    [InlineData("next Monday", "2026-12-07")]
    [InlineData("on Friday", "2026-12-04")]
    [InlineData("December 3", "2026-12-03")]
    [InlineData("3 Dec 2026", "2026-12-03")]
    [InlineData("2026-12-03", "2026-12-03")]
    public void ExtractSlots_EnglishAppointmentDate_WorkingDayAhead(string text, string expected)
    {
        var result = Extractor.ExtractSlots("I'd like to come " + text, RegistrationSlots);

        Assert.Equal(expected, Value(result, SlotIds.AppointmentDate));
        Assert.True(result[SlotIds.AppointmentDate].IsValid, result[SlotIds.AppointmentDate].Validation.Reason);
    }

    [Fact]
    public void ExtractSlots_EnglishAppointmentOnASunday_RefusedWithAReason()
    {
        var result = Extractor.ExtractSlots("next Sunday", RegistrationSlots);

        Assert.Equal("2026-12-13", Value(result, SlotIds.AppointmentDate));
        Assert.False(result[SlotIds.AppointmentDate].IsValid);
    }

    [Theory]
    [InlineData("registered capital 500,000 USD", "500000 USD")]
    [InlineData("1 million US dollars", "1000000 USD")]
    [InlineData("USD 500k", "500000 USD")]
    [InlineData("RMB 2 million", "2000000 CNY")]
    public void ExtractSlots_EnglishCapital_AmountAndCurrencyCode(string text, string expected)
    {
        Assert.Equal(expected, Value(Extractor.ExtractSlots(text, RegistrationSlots), SlotIds.RegisteredCapital));
    }

    [Theory]
    [InlineData("Where can I rest in Handan?", "邯郸市")]
    [InlineData("stations in YIWU", "义乌市")]
    [InlineData("I'm in Kunshan", "昆山市")]
    [InlineData("Xi'an", "西安市")]
    public void ExtractSlots_EnglishCityName_CanonicalChineseCity(string text, string expected)
    {
        Assert.Equal(expected, Value(Extractor.ExtractSlots(text, StationSlots), SlotIds.City));
    }

    [Fact]
    public void ExtractSlots_CityNameInsideAWord_NotACity()
    {
        Assert.Null(Value(Extractor.ExtractSlots("the shanghaied sailor", StationSlots), SlotIds.City));
    }

    [Fact]
    public void ExtractSlots_TransferFromBeijingToHangzhou_BothDirections()
    {
        var result = Extractor.ExtractSlots("transfer my pension insurance from Beijing to Hangzhou", TransferSlots);

        Assert.Equal("北京市", Value(result, SlotIds.FromCity));
        Assert.Equal("杭州市", Value(result, SlotIds.ToCity));
        Assert.Equal("养老保险", Value(result, SlotIds.InsuranceType));
    }

    [Fact]
    public void ExtractSlots_ToShijiazhuangFromKunshan_DirectionWordsDecide()
    {
        var result = Extractor.ExtractSlots("move it to Shijiazhuang from Kunshan", TransferSlots);

        Assert.Equal("昆山市", Value(result, SlotIds.FromCity));
        Assert.Equal("石家庄市", Value(result, SlotIds.ToCity));
    }

    [Theory]
    [InlineData("I deliver for Meituan", "美团")]
    [InlineData("I drive for Didi", "滴滴出行")]
    [InlineData("Ele.me rider", "饿了么")]
    public void ExtractSlots_EnglishPlatform_ChineseName(string text, string expected)
    {
        Assert.Equal(expected, Value(Extractor.ExtractSlots(text, InjurySlots), SlotIds.Platform));
    }

    [Fact]
    public void ExtractSlots_Greeting_NoPlatform()
    {
        Assert.Null(Value(Extractor.ExtractSlots("hello", InjurySlots), SlotIds.Platform));
    }

    [Theory]
    [InlineData("pension insurance", "养老保险")]
    [InlineData("medical insurance", "医疗保险")]
    [InlineData("unemployment insurance", "失业保险")]
    public void ExtractSlots_EnglishInsuranceType_ChineseName(string text, string expected)
    {
        Assert.Equal(expected, Value(Extractor.ExtractSlots("transfer my " + text, TransferSlots), SlotIds.InsuranceType));
    }

    [Theory]
    [InlineData("to pay rent", "rent")]
    [InlineData("I bought a house", "purchase")]
    [InlineData("I quit my job", "resignation")]
    [InlineData("I retired", "retirement")]
    [InlineData("for surgery", "medical")]
    public void ExtractSlots_EnglishWithdrawalReason_ReasonCode(string text, string expected)
    {
        Assert.Equal(expected, Value(Extractor.ExtractSlots("withdraw my housing fund " + text, FundSlots), SlotIds.Reason));
    }

    [Theory]
    [InlineData("my phone is +86 138 0013 8000")]
    [InlineData("138 0013 8000")]
    [InlineData("+86-13800138000")]
    [InlineData("call me on 0086 13800138000")]
    public void ExtractSlots_PhoneWithSpacesOrCountryCode_ElevenDigits(string text)
    {
        var result = Extractor.ExtractSlots(text, InjurySlots);

        Assert.Equal("13800138000", Value(result, SlotIds.Phone));
        Assert.True(result[SlotIds.Phone].IsValid);
    }
}
