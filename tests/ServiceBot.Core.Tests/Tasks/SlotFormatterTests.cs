using ServiceBot.Tasks;
using ServiceBot.Tasks.Definitions;

namespace ServiceBot.Core.Tests.Tasks;

public sealed class SlotFormatterTests
{
    [Theory]
    [InlineData("130402199003074510", "1304**********4510")]
    [InlineData("41010219850120293X", "4101**********293X")]
    public void MaskIdNumber_EighteenCharacters_KeepsFirstAndLastFour(string id, string expected)
        => Assert.Equal(expected, SlotFormatter.MaskIdNumber(id));

    [Theory]
    [InlineData("6217001234567890122", "6217 **** **** 0122")]
    [InlineData("6228480011223344554", "6228 **** **** 4554")]
    public void MaskBankCard_AnyLength_KeepsFirstAndLastFour(string card, string expected)
        => Assert.Equal(expected, SlotFormatter.MaskBankCard(card));

    [Fact]
    public void MaskPhone_ElevenDigits_HidesMiddleFour()
        => Assert.Equal("138****1111", SlotFormatter.MaskPhone("13800001111"));

    [Fact]
    public void Display_ChoiceAndAmountAndTime_ReadableChinese()
    {
        var slots = FundWithdrawalTask.Definition;
        Assert.Equal("离职", SlotFormatter.Display(slots.Slot("reason")!, "resignation"));
        Assert.Equal("3000 元", SlotFormatter.Display(slots.Slot("amount")!, "3000"));
        Assert.Equal("2026年11月27日 15:00",
            SlotFormatter.Display(InjuryReportTask.Definition.Slot("accident_time")!, "2026-11-27T15:00:00+08:00"));
    }
}
