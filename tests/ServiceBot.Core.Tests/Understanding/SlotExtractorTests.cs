using ServiceBot.Understanding.Slots;
using static ServiceBot.Core.Tests.Understanding.CatalogSlotSets;

namespace ServiceBot.Core.Tests.Understanding;

public class SlotExtractorTests
{
    private static readonly SlotExtractor Extractor = SlotExtractor.CreateDefault(FixedTimeProvider.At("2026-11-28 10:00"));

    [Fact]
    public void ExtractSlots_FundSentence_FindsFourSlots()
    {
        var result = Extractor.ExtractSlots("我叫张伟，身份证130402199003074510，想租房提取3000元到卡6217001234567890122", FundSlots);

        Assert.Equal("130402199003074510", Value(result, SlotIds.IdNumber));
        Assert.Equal("rent", Value(result, SlotIds.Reason));
        Assert.Equal("3000", Value(result, SlotIds.Amount));
        Assert.Equal("6217001234567890122", Value(result, SlotIds.BankCard));
        Assert.All(result.Values, s => Assert.True(s.IsValid, s.Validation.Reason));
    }

    [Fact]
    public void ExtractSlots_Spans_PointAtTheWords()
    {
        const string text = "卡号6217001234567890122，手机13800001111";
        var result = Extractor.ExtractSlots(text, [SlotIds.BankCard, SlotIds.Phone]);

        var card = result[SlotIds.BankCard];
        Assert.Equal("6217001234567890122", text.Substring(card.Start, card.Length));
        var phone = result[SlotIds.Phone];
        Assert.Equal("13800001111", text.Substring(phone.Start, phone.Length));
    }

    [Fact]
    public void ExtractSlots_IdWithSpacesAndLowercaseX_Normalised()
    {
        var result = Extractor.ExtractSlots("身份证是410102 19850120 293x", FundSlots);

        Assert.Equal("41010219850120293X", Value(result, SlotIds.IdNumber));
    }

    [Fact]
    public void ExtractSlots_WrongCheckDigit_ReportedInvalidWithReason()
    {
        var result = Extractor.ExtractSlots("身份证号130402199003074511", FundSlots);

        var id = result[SlotIds.IdNumber];
        Assert.False(id.IsValid);
        Assert.Equal("身份证号校验位不正确，请核对后重新输入", id.Validation.Reason);
    }

    [Fact]
    public void ExtractSlots_IdPhoneAndCard_NotReadAsAmounts()
    {
        var result = Extractor.ExtractSlots("身份证130402199003074510 手机13800001111 卡6217001234567890122", FundSlots);

        Assert.DoesNotContain(result.Candidates, c => c.SlotId == SlotIds.Amount);
    }

    [Fact]
    public void ExtractSlots_CardWithoutLabel_RecognisedByShape()
    {
        var result = Extractor.ExtractSlots("打到6228 4800 1122 3344 554这张上", FundSlots);

        Assert.Equal("6228480011223344554", Value(result, SlotIds.BankCard));
    }

    [Fact]
    public void ExtractSlots_PhoneWithCountryCode_Normalised()
    {
        var result = Extractor.ExtractSlots("联系我 +86 139-0000-2222", InjurySlots);

        Assert.Equal("13900002222", Value(result, SlotIds.Phone));
    }

    [Theory]
    [InlineData("提取3000元", "3000")]
    [InlineData("取3000块", "3000")]
    [InlineData("三千块", "3000")]
    [InlineData("三千五百元", "3500")]
    [InlineData("欠了我两万", "20000")]
    [InlineData("一共1.5万", "15000")]
    [InlineData("提3k", "3000")]
    [InlineData("提3K", "3000")]
    [InlineData("先取3千", "3000")]
    [InlineData("¥2,000", "2000")]
    [InlineData("2000.50元", "2000.5")]
    [InlineData("金额改成2000", "2000")]
    [InlineData("欠我工资一万五", "15000")]
    public void ExtractSlots_AmountPhrasings_Normalised(string text, string expected)
    {
        Assert.Equal(expected, Value(Extractor.ExtractSlots(text, FundSlots), SlotIds.Amount));
    }

    [Theory]
    [InlineData("昨天下午3点在建设路摔的")]
    [InlineData("欠了三个月工资")]
    [InlineData("9月-10月的工资")]
    [InlineData("2026-10-03 14:00出的事")]
    [InlineData("我住3号楼")]
    public void ExtractSlots_DatesTimesAndCounts_AreNotAmounts(string text)
    {
        Assert.DoesNotContain(Extractor.ExtractSlots(text, WageSlots).Candidates, c => c.SlotId == SlotIds.Amount);
    }

    [Fact]
    public void ExtractSlots_BareNumberWhenAmountAsked_IsAmount()
    {
        Assert.Equal("5000", Value(Extractor.ExtractSlots("5000", FundSlots, expectedSlot: SlotIds.Amount), SlotIds.Amount));
        Assert.Null(Value(Extractor.ExtractSlots("5000", FundSlots), SlotIds.Amount));
    }

    [Fact]
    public void ExtractSlots_ZeroAmount_ReportedInvalid()
    {
        var amount = Extractor.ExtractSlots("提取0元", FundSlots)[SlotIds.Amount];

        Assert.False(amount.IsValid);
        Assert.Equal("金额必须大于0元，请重新输入", amount.Validation.Reason);
    }

    [Theory]
    [InlineData("租房提取", "rent")]
    [InlineData("交房租用", "rent")]
    [InlineData("还房贷", "purchase")]
    [InlineData("我买房了", "purchase")]
    [InlineData("辞职了想全取出来", "resignation")]
    [InlineData("退休了", "retirement")]
    [InlineData("家里有人大病住院", "medical")]
    public void ExtractSlots_WithdrawalReasons_MappedToCodes(string text, string expected)
    {
        Assert.Equal(expected, Value(Extractor.ExtractSlots(text, FundSlots), SlotIds.Reason));
    }

    [Theory]
    [InlineData("我是美团骑手", "美团")]
    [InlineData("跑滴滴的", "滴滴出行")]
    [InlineData("在饿了么送外卖", "饿了么")]
    [InlineData("给顺丰送件", "顺丰速运")]
    [InlineData("开曹操专车", "曹操出行")]
    public void ExtractSlots_Platforms_Canonical(string text, string expected)
    {
        Assert.Equal(expected, Value(Extractor.ExtractSlots(text, InjurySlots), SlotIds.Platform));
    }

    [Fact]
    public void ExtractSlots_BarePlatformWhenAsked_FillsIt()
    {
        Assert.Equal("美团", Value(Extractor.ExtractSlots("美团", InjurySlots, expectedSlot: SlotIds.Platform), SlotIds.Platform));
    }

    [Theory]
    [InlineData("转养老金", "养老保险")]
    [InlineData("医保", "医疗保险")]
    [InlineData("失业险", "失业保险")]
    public void ExtractSlots_InsuranceTypes_Canonical(string text, string expected)
    {
        Assert.Equal(expected, Value(Extractor.ExtractSlots(text, TransferSlots), SlotIds.InsuranceType));
    }

    [Theory]
    [InlineData("从邯郸转到杭州", "邯郸市", "杭州市")]
    [InlineData("社保由郑州市转入义乌", "郑州市", "义乌市")]
    [InlineData("我要把养老保险转到石家庄，原来在邯郸交的", "邯郸市", "石家庄市")]
    [InlineData("邯郸转杭州", "邯郸市", "杭州市")]
    [InlineData("想去杭州，从邯郸转过去", "邯郸市", "杭州市")]
    public void ExtractSlots_TransferCities_DirectionFromWords(string text, string from, string to)
    {
        var result = Extractor.ExtractSlots(text, TransferSlots);

        Assert.Equal(from, Value(result, SlotIds.FromCity));
        Assert.Equal(to, Value(result, SlotIds.ToCity));
    }

    [Fact]
    public void ExtractSlots_LoneCityWhenToCityAsked_FillsToCity()
    {
        var result = Extractor.ExtractSlots("杭州", TransferSlots, expectedSlot: SlotIds.ToCity);

        Assert.Equal("杭州市", Value(result, SlotIds.ToCity));
        Assert.Null(Value(result, SlotIds.FromCity));
    }

    [Theory]
    [InlineData("邯郸丛台区附近的驿站", "邯郸市", "丛台区")]
    [InlineData("邯山区有驿站吗", "邯郸市", "邯山区")]
    [InlineData("义乌市稠城街道", "义乌市", "稠城街道")]
    [InlineData("我在昆山", "昆山市", null)]
    [InlineData("邯郸市丛台", "邯郸市", "丛台区")]
    public void ExtractSlots_CityAndDistrict_WithOrWithoutSuffix(string text, string city, string? district)
    {
        var result = Extractor.ExtractSlots(text, StationSlots);

        Assert.Equal(city, Value(result, SlotIds.City));
        Assert.Equal(district, Value(result, SlotIds.District));
    }

    [Fact]
    public void ExtractSlots_StreetNamedAfterCity_IsNotACity()
    {
        Assert.Null(Value(Extractor.ExtractSlots("在中山路口摔的", StationSlots), SlotIds.City));
    }

    [Theory]
    [InlineData(SlotIds.AccidentPlace, "在朝阳路和建设路路口", "朝阳路和建设路路口")]
    [InlineData(SlotIds.Injury, "腿骨折了", "腿骨折了")]
    [InlineData(SlotIds.Employer, "是邯郸市某某餐饮有限公司", "邯郸市某某餐饮有限公司")]
    [InlineData(SlotIds.Description, "嗯，小区门口的路灯坏了一个星期了。", "小区门口的路灯坏了一个星期了")]
    [InlineData(SlotIds.Location, "我的位置在人民路128号", "人民路128号")]
    public void ExtractSlots_FreeTextWhenAsked_TakesReplyWithoutFillers(string slot, string reply, string expected)
    {
        Assert.Equal(expected, Value(Extractor.ExtractSlots(reply, InjurySlots, expectedSlot: slot), slot));
    }

    [Fact]
    public void ExtractSlots_InjurySentence_FindsTimePlaceInjuryAndPlatform()
    {
        var result = Extractor.ExtractSlots("我是美团骑手，昨天下午三点在建设路口摔倒了，左腿骨折", InjurySlots);

        Assert.Equal("美团", Value(result, SlotIds.Platform));
        Assert.Equal("2026-11-27T15:00:00+08:00", Value(result, SlotIds.AccidentTime));
        Assert.Equal("建设路口", Value(result, SlotIds.AccidentPlace));
        Assert.Equal("左腿骨折", Value(result, SlotIds.Injury));
    }

    [Fact]
    public void ExtractSlots_WageSentence_FindsEmployerAmountAndPeriod()
    {
        var result = Extractor.ExtractSlots("我在邯郸市某某建筑工地干活，2026年9月到11月的工资一共8000块没给", WageSlots);

        Assert.Equal("邯郸市某某建筑工地", Value(result, SlotIds.Employer));
        Assert.Equal("8000", Value(result, SlotIds.Amount));
        Assert.Equal("2026-09至2026-11", Value(result, SlotIds.Period));
    }

    [Fact]
    public void ExtractSlots_FutureAccidentTime_ReportedInvalid()
    {
        var time = Extractor.ExtractSlots("明天下午三点", InjurySlots)[SlotIds.AccidentTime];

        Assert.False(time.IsValid);
    }

    [Theory]
    [InlineData("查一下GJJ-20250601-000001", "GJJ-20250601-000001")]
    [InlineData("办件号是gjj-20250601-000001", "GJJ-20250601-000001")]
    [InlineData("查一下GJJ-20250601-7KQ4M2XP的进度", "GJJ-20250601-7KQ4M2XP")]
    [InlineData("zysh-20251130-0ab9x2zq", "ZYSH-20251130-0AB9X2ZQ")]
    public void ExtractSlots_Ticket_Uppercased(string text, string expected)
    {
        Assert.Equal(expected, Value(Extractor.ExtractSlots(text, [SlotIds.Ticket]), SlotIds.Ticket));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("？？？")]
    [InlineData("我要提取公积金")]
    public void ExtractSlots_NothingToFind_EmptyResult(string text)
    {
        var result = Extractor.ExtractSlots(text, FundSlots);

        Assert.Empty(result);
    }

    [Fact]
    public void ExtractSlots_TwoPhones_BothCandidatesFirstChosen()
    {
        var result = Extractor.ExtractSlots("手机13800001111，备用电话13900002222", InjurySlots);

        Assert.Equal(2, result.Candidates.Count(c => c.SlotId == SlotIds.Phone));
        Assert.Equal("13800001111", result[SlotIds.Phone].Value);
    }

    [Fact]
    public void ExtractSlots_CardDigitsReadInGroups_AreNotAnAmount()
    {
        var result = Extractor.ExtractSlots("不对 后面是三三零零 四五六七", FundSlots);

        Assert.DoesNotContain(result.Candidates, c => c.SlotId == SlotIds.Amount);
    }

    [Fact]
    public void ExtractSlots_CityNamedTwice_IsOneEndOnly()
    {
        var result = Extractor.ExtractSlots("不是 青岛 青岛市南区", TransferSlots);

        Assert.Equal("青岛市", Value(result, SlotIds.FromCity));
        Assert.DoesNotContain(result.Candidates, c => c.SlotId == SlotIds.ToCity);
    }

    [Fact]
    public void ExtractSlots_WhatIsMoved_ComesFromTheCityAfterBa()
    {
        var result = Extractor.ExtractSlots("想把长沙交的养老转回株洲", TransferSlots);

        Assert.Equal("长沙市", Value(result, SlotIds.FromCity));
        Assert.Equal("株洲市", Value(result, SlotIds.ToCity));
    }

    [Fact]
    public void ExtractSlots_TransferAlreadyDone_NamesNeitherEnd()
    {
        var result = Extractor.ExtractSlots("南宁的早就转到柳州了 现在要把柳州的转到桂林", TransferSlots);

        Assert.Equal("柳州市", Value(result, SlotIds.FromCity));
        Assert.Equal("桂林市", Value(result, SlotIds.ToCity));
    }

    [Fact]
    public void ExtractSlots_WhereSomeoneIsFrom_IsNoEndOfTheTransfer()
    {
        var result = Extractor.ExtractSlots("我是宝鸡人 在西安交的养老 想转到咸阳", TransferSlots);

        Assert.Equal("西安市", Value(result, SlotIds.FromCity));
        Assert.Equal("咸阳市", Value(result, SlotIds.ToCity));
    }

    [Fact]
    public void ExtractSlots_StrayGroupAfterAMobile_SplitOff()
    {
        var result = Extractor.ExtractSlots("是一三九 零零幺二 三四五六 一三九开头", [SlotIds.Phone]);

        Assert.Equal("13900123456", Value(result, SlotIds.Phone));
    }

    [Fact]
    public void ExtractSlots_ReachedRetirementAge_IsRetirement()
    {
        Assert.Equal("retirement", Value(Extractor.ExtractSlots("我今年到岁数了 公积金想取出来", FundSlots), SlotIds.Reason));
    }
}
