using ServiceBot.Understanding.Slots;

namespace ServiceBot.Core.Tests.Understanding;

public class SpokenNumberTests
{
    private static readonly string[] AllSlots =
        [SlotIds.IdNumber, SlotIds.BankCard, SlotIds.Phone, SlotIds.Amount, SlotIds.AccidentTime, SlotIds.Period];

    private static readonly SlotExtractor Extractor = SlotExtractor.CreateDefault(FixedTimeProvider.At("2026-11-28 10:00"));

    private static string? Value(string text, string slot, string? expectedSlot = null)
        => Extractor.ExtractSlots(text, AllSlots, expectedSlot).TryGetValue(slot, out var s) && s.IsValid ? s.Value : null;

    [Theory]
    [InlineData("一三八零零零零一一一一", "13800001111")]
    [InlineData("幺三八零零零零幺幺幺幺", "13800001111")]
    [InlineData("我电话是一三八 零零零零 一一一一", "13800001111")]
    [InlineData("一五二零三一零一零一零 打这个就行", "15203101010")]
    public void ExtractSlots_PhoneReadDigitByDigit_Found(string text, string phone)
    {
        Assert.Equal(phone, Value(text, SlotIds.Phone));
    }

    [Theory]
    [InlineData("身份证号一三零四零二一九九零零三一五一二三叉", "13040219900315123X")]
    [InlineData("四一零一零二 一九八五零一二零 零零七x", "41010219850120007X")]
    [InlineData("11010519491231002叉", "11010519491231002X")]
    public void ExtractSlots_IdReadDigitByDigitWithCheckCharacter_Found(string text, string id)
    {
        Assert.Equal(id, Value(text, SlotIds.IdNumber));
    }

    [Fact]
    public void ExtractSlots_BankCardReadInGroups_Found()
    {
        Assert.Equal("6217000010001234569", Value("卡号是六二一七 零零零零 幺零零零 幺二三四 五六九", SlotIds.BankCard));
    }

    [Theory]
    [InlineData("八千六百块", "8600")]
    [InlineData("两万", "20000")]
    [InlineData("三千五", "3500")]
    [InlineData("一共两万三", "23000")]
    [InlineData("十二块五", "12.5")]
    [InlineData("一万二千三百四十五块五", "12345.5")]
    public void ExtractSlots_SpokenAmount_Yuan(string text, string yuan)
    {
        Assert.Equal(yuan, Value(text, SlotIds.Amount, expectedSlot: SlotIds.Amount));
    }

    [Fact]
    public void ExtractSlots_AmountAnswerStartingWithAWord_DoesNotReadTheWordAsOneYuan()
    {
        Assert.Equal("23000", Value("一共两万三", SlotIds.Amount, expectedSlot: SlotIds.Amount));
        Assert.Null(Value("一下子说不清", SlotIds.Amount, expectedSlot: SlotIds.Amount));
    }

    [Theory]
    [InlineData("十一月二十号", "2026-11-20")]
    [InlineData("上个月十五号晚上八点半", "2026-10-15T20:30:00+08:00")]
    [InlineData("昨天下午三点", "2026-11-27T15:00:00+08:00")]
    [InlineData("二零二六年十一月二十号", "2026-11-20")]
    public void ExtractSlots_SpokenDate_ResolvedAgainstTheClock(string text, string iso)
    {
        Assert.Equal(iso, Value(text, SlotIds.AccidentTime));
    }

    [Fact]
    public void ExtractSlots_MonthsSinceWithoutEnd_RunToNow()
    {
        Assert.Equal("2026-09至2026-11", Value("从九月份开始就没发工资", SlotIds.Period));
    }

    [Theory]
    [InlineData("三三两两地来了")]
    [InlineData("一一核对")]
    [InlineData("一五一十地说")]
    [InlineData("三千五百块")]
    public void ToAscii_WordsAndNumeralsWithUnits_Unchanged(string text)
    {
        Assert.Equal(text, SpokenDigits.ToAscii(text));
    }

    [Fact]
    public void ToAscii_LongRun_ReplacedCharacterForCharacter()
    {
        const string text = "我的号码幺三八零零零零一一一一谢谢";

        var ascii = SpokenDigits.ToAscii(text);

        Assert.Equal("我的号码13800001111谢谢", ascii);
        Assert.Equal(text.Length, ascii.Length);
    }
}
