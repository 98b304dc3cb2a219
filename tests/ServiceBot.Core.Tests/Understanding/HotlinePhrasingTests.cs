using ServiceBot.Understanding.Slots;

namespace ServiceBot.Core.Tests.Understanding;

/// <summary>How callers put things on the phone, read by the same extractor the chat uses.</summary>
public class HotlinePhrasingTests
{
    private static readonly string[] InjurySlots =
        [SlotIds.IdNumber, SlotIds.Platform, SlotIds.AccidentTime, SlotIds.AccidentPlace, SlotIds.Injury, SlotIds.Phone];
    private static readonly string[] WageSlots = [SlotIds.IdNumber, SlotIds.Employer, SlotIds.Amount, SlotIds.Period, SlotIds.Phone];
    private static readonly string[] TransferSlots = [SlotIds.IdNumber, SlotIds.FromCity, SlotIds.ToCity, SlotIds.InsuranceType];
    private static readonly string[] AppealSlots = [SlotIds.Description, SlotIds.Location, SlotIds.Phone];

    private static readonly SlotExtractor Extractor = SlotExtractor.CreateDefault(FixedTimeProvider.At("2026-12-03 21:40"));

    private static string? Value(string text, string[] slots, string slot)
        => Extractor.ExtractSlots(text, slots).TryGetValue(slot, out var s) && s.IsValid ? s.Value : null;

    [Fact]
    public void ExtractSlots_CrossingAndHourWithFiller_Found()
    {
        const string text = "我是送快递的 中通的 前天晚上大概九点钟在解放路跟陵园路的十字路口让一个电动车给撞了 右腿摔骨折了";

        Assert.Equal("中通快递", Value(text, InjurySlots, SlotIds.Platform));
        Assert.Equal("2026-12-01T21:00:00+08:00", Value(text, InjurySlots, SlotIds.AccidentTime));
        Assert.Equal("解放路跟陵园路的十字路口", Value(text, InjurySlots, SlotIds.AccidentPlace));
        Assert.Equal("右腿摔骨折了", Value(text, InjurySlots, SlotIds.Injury));
    }

    [Theory]
    [InlineData("在光明路公交站等车", "光明路公交站")]
    [InlineData("在丛台区幸福小区三号楼", "丛台区幸福小区三号楼")]
    [InlineData("地址是人民路一百二十八号", "人民路一百二十八号")]
    [InlineData("在建设路口摔倒了送到医院", "建设路口")]
    public void ExtractSlots_PlaceWithLandmarkOrBuilding_WholePlace(string text, string place)
    {
        Assert.Equal(place, Value(text, AppealSlots, SlotIds.Location));
    }

    [Theory]
    [InlineData("十月和十一月的工资没发", "2026-10至2026-11")]
    [InlineData("从九月份开始就没发工资", "2026-09至2026-12")]
    [InlineData("九月份起诉过一次", "2026-09")]
    public void ExtractSlots_SpokenWagePeriod_Normalised(string text, string period)
    {
        Assert.Equal(period, Value(text, WageSlots, SlotIds.Period));
    }

    [Fact]
    public void ExtractSlots_BackToHometown_IsTheDestination()
    {
        const string text = "我以前在上海工作 医保想转回老家南京";

        Assert.Equal("上海市", Value(text, TransferSlots, SlotIds.FromCity));
        Assert.Equal("南京市", Value(text, TransferSlots, SlotIds.ToCity));
    }

    [Fact]
    public void FreeTextSlots_StripFillers_KeepsWe()
    {
        Assert.Equal("我们小区楼下很吵", FreeTextSlots.StripFillers("嗯 我们小区楼下很吵"));
    }
}
