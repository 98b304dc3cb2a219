using ServiceBot.Understanding.Slots;

namespace ServiceBot.Core.Tests.Understanding;

public class SpokenNumberRepairTests
{
    private static readonly string[] AllSlots = [SlotIds.IdNumber, SlotIds.Phone, SlotIds.Amount];

    private static readonly SlotExtractor Extractor = SlotExtractor.CreateDefault(FixedTimeProvider.At("2026-11-28 10:00"));

    private static string? Value(string text, string slot)
        => Extractor.ExtractSlots(text, AllSlots).TryGetValue(slot, out var s) && s.IsValid ? s.Value : null;

    [Fact]
    public void Apply_GroupCorrectedMidNumber_ReplacesTheGroupBeforeTheCue()
    {
        var repaired = SpokenNumberRepair.Apply("三二零一零二 一九八三 零四六一 不对 是零四一六 二七五四");

        Assert.Equal("三二零一零二 一九八三 零四一六 二七五四", repaired);
        Assert.Equal("320102198304162754", Value(repaired, SlotIds.IdNumber));
    }

    [Theory]
    [InlineData("一一零一零五一九四九一二三一零零二 最后一位是叉")]
    [InlineData("一一零一零五一九四九一二三一零零二最后是x")]
    public void Apply_CheckCharacterNamedAfterTheDigits_JoinsThem(string text)
    {
        Assert.Equal("11010519491231002X", Value(SpokenNumberRepair.Apply(text), SlotIds.IdNumber));
    }

    [Theory]
    [InlineData("取三万 不对 两万")]
    [InlineData("一三八 不对 是一三九零零零零一一一一")]
    public void Apply_DifferentLengths_LeavesTheTextAlone(string text)
    {
        Assert.Equal(text, SpokenNumberRepair.Apply(text));
    }

    [Fact]
    public void ExtractSlots_StrayGroupBeforeAMobile_ReadsTheMobile()
    {
        Assert.Equal("15912345678", Value("后面是七八 幺五九幺二三四五六七八", SlotIds.Phone));
    }

    [Fact]
    public void Apply_GroupRejectedWithBuShi_ReplacesTheGroupBeforeIt()
    {
        Assert.Equal("幺三九 零零幺二 三四六五", SpokenNumberRepair.Apply("幺三九 零零幺二 三四五六 哦不是 三四六五"));
    }
}
