using ServiceBot.Assist;

namespace ServiceBot.Core.Tests.Assist;

public class SpokenNumberContinuationTests
{
    [Fact]
    public void Join_IdSplitOverTwoLines_PutsTheHeldDigitsAndTheirCueInFront()
    {
        var numbers = new SpokenNumberContinuation();

        Assert.Equal("我的身份证 二二零幺零二 幺九八八", numbers.Join("我的身份证 二二零幺零二 幺九八八"));
        var joined = numbers.Join("零五零五 幺二三幺");

        Assert.Equal("我的身份证 二二零幺零二 幺九八八 零五零五 幺二三幺", joined);
    }

    [Fact]
    public void Join_NumberSplitOverThreeLines_HoldsTheDigitsUntilTheyMakeANumber()
    {
        var numbers = new SpokenNumberContinuation();

        numbers.Join("六四零幺零四");
        Assert.Equal("幺九九三零三零三", numbers.Join("幺九九三零三零三"));
        var joined = numbers.Join("四五六八");

        Assert.Equal("六四零幺零四 幺九九三零三零三 四五六八", joined);
    }

    [Fact]
    public void Join_DigitsThatMakeNoValidNumber_LeavesTheNextLineAlone()
    {
        var numbers = new SpokenNumberContinuation();

        numbers.Join("电话是一三九");
        // 一三九 + 五二 has five digits: no mobile, ID or card.
        Assert.Equal("五二 我再想想", numbers.Join("五二 我再想想"));
    }

    [Fact]
    public void Join_LineEndingOnAnAmount_HoldsNothing()
    {
        var numbers = new SpokenNumberContinuation();

        numbers.Join("想取八千六");
        Assert.Equal("一三八零零零零一一一一", numbers.Join("一三八零零零零一一一一"));
    }

    [Fact]
    public void Join_WholeNumberEndingALine_IsNotHeld()
    {
        var numbers = new SpokenNumberContinuation();

        numbers.Join("卡号 六二二五 八八零零 一二三四 一二三七");
        Assert.Equal("一二三四", numbers.Join("一二三四"));
    }

    [Theory]
    [InlineData("13800001111", true)]
    [InlineData("220102198805051231", true)]
    [InlineData("220102198805051232", false)]
    [InlineData("6225880012341237", true)]
    [InlineData("6225880012341238", false)]
    [InlineData("1380000111", false)]
    public void IsWholeNumber_Digits_OnlyValidMobilesIdsAndCards(string digits, bool whole)
    {
        Assert.Equal(whole, SpokenNumberContinuation.IsWholeNumber(digits));
    }
}
