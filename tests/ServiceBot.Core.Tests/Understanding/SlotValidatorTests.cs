using ServiceBot.Understanding.Slots;

namespace ServiceBot.Core.Tests.Understanding;

public class SlotValidatorTests
{
    [Theory]
    [MemberData(nameof(SandboxFixture.IdNumbers), MemberType = typeof(SandboxFixture))]
    public void IdNumberValidate_FixtureCitizen_IsValid(string id)
    {
        var result = IdNumberValidator.Validate(id);

        Assert.True(result.IsValid, result.Reason);
        Assert.Equal(id, result.Normalized);
    }

    [Fact]
    public void IdNumberValidate_LowercaseXAndSpaces_NormalisesToUppercase()
    {
        var result = IdNumberValidator.Validate("410102 19850120 293x");

        Assert.True(result.IsValid, result.Reason);
        Assert.Equal("41010219850120293X", result.Normalized);
    }

    [Fact]
    public void IdNumberCheckCharacter_ComputedId_MatchesStandard()
    {
        // 11010519491231002 → weighted sum mod 11 = 10 → check character X (the standard's worked example).
        Assert.Equal('X', IdNumberValidator.CheckCharacter("11010519491231002"));
        Assert.True(IdNumberValidator.Validate("11010519491231002X").IsValid);
    }

    [Theory]
    [InlineData("130402199003074511", "身份证号校验位不正确，请核对后重新输入")]
    [InlineData("13040219900307451", "身份证号应为18位，您输入的是17位，请核对后重新输入")]
    [InlineData("130402199002304513", "身份证号中的出生日期无效，请核对后重新输入")]
    [InlineData("13040219900307451A", "身份证号最后一位应为数字或X，请核对后重新输入")]
    [InlineData("000402199003074510", "身份证号的地区码不正确，请核对后重新输入")]
    [InlineData("", "请提供18位居民身份证号")]
    public void IdNumberValidate_Invalid_GivesChineseReason(string id, string reason)
    {
        var result = IdNumberValidator.Validate(id);

        Assert.False(result.IsValid);
        Assert.Equal(reason, result.Reason);
    }

    [Fact]
    public void IdNumberValidate_BirthAfterToday_IsRejected()
    {
        var prefix = "13040220300307451";
        var id = prefix + IdNumberValidator.CheckCharacter(prefix);

        Assert.True(IdNumberValidator.Validate(id).IsValid);
        Assert.False(IdNumberValidator.Validate(id, today: new DateOnly(2026, 11, 28)).IsValid);
    }

    [Theory]
    [MemberData(nameof(SandboxFixture.BankCards), MemberType = typeof(SandboxFixture))]
    public void BankCardValidate_FixtureCard_IsValid(string card)
    {
        Assert.True(BankCardValidator.Validate(card).IsValid);
    }

    [Theory]
    [InlineData("6217 0012 3456 7890 122", "6217001234567890122")]
    [InlineData("6217-0012-3456-7890-122", "6217001234567890122")]
    [InlineData("4111111111111111", "4111111111111111")]
    [InlineData("4222222222222", "4222222222222")]
    public void BankCardValidate_SeparatorsAndLengths_Normalised(string input, string expected)
    {
        var result = BankCardValidator.Validate(input);

        Assert.True(result.IsValid, result.Reason);
        Assert.Equal(expected, result.Normalized);
    }

    [Theory]
    [InlineData("6217001234567890123", "银行卡号校验不通过，请核对后重新输入")]
    [InlineData("621700123456", "银行卡号应为13到19位数字，您输入的是12位")]
    [InlineData("62170012345678901a2", "银行卡号只能包含数字，请核对后重新输入")]
    public void BankCardValidate_Invalid_GivesReason(string input, string reason)
    {
        var result = BankCardValidator.Validate(input);

        Assert.False(result.IsValid);
        Assert.Equal(reason, result.Reason);
    }

    [Theory]
    [MemberData(nameof(SandboxFixture.Phones), MemberType = typeof(SandboxFixture))]
    public void MobilePhoneValidate_FixturePhone_IsValid(string phone)
    {
        Assert.True(MobilePhoneValidator.Validate(phone).IsValid);
    }

    [Theory]
    [InlineData("+86 138-0000-1111")]
    [InlineData("8613800001111")]
    [InlineData("138 0000 1111")]
    [InlineData("0086 13800001111")]
    public void MobilePhoneValidate_PrefixesAndSeparators_NormaliseTo11Digits(string input)
    {
        Assert.Equal("13800001111", MobilePhoneValidator.Validate(input).Normalized);
    }

    [Theory]
    [InlineData("12800001111")]
    [InlineData("1380000111")]
    [InlineData("0311-1234567")]
    [InlineData("")]
    public void MobilePhoneValidate_NotAMobile_IsRejectedWithReason(string input)
    {
        var result = MobilePhoneValidator.Validate(input);

        Assert.False(result.IsValid);
        Assert.False(string.IsNullOrEmpty(result.Reason));
    }

    [Theory]
    [InlineData("3000", "3000")]
    [InlineData("3,000元", "3000")]
    [InlineData("三千五", "3500")]
    [InlineData("1.5万", "15000")]
    [InlineData("2000.50元", "2000.5")]
    public void AmountValidate_Valid_Normalised(string input, string expected)
    {
        var result = AmountValidator.Validate(input);

        Assert.True(result.IsValid, result.Reason);
        Assert.Equal(expected, result.Normalized);
    }

    [Theory]
    [InlineData("0", "金额必须大于0元，请重新输入")]
    [InlineData("-500", "金额必须大于0元，请重新输入")]
    [InlineData("20000000", "金额超过1000万元，请核对后重新输入")]
    [InlineData("很多钱", "没有识别出金额，请输入数字，例如 3000 元")]
    public void AmountValidate_Invalid_GivesReason(string input, string reason)
    {
        var result = AmountValidator.Validate(input);

        Assert.False(result.IsValid);
        Assert.Equal(reason, result.Reason);
    }

    [Theory]
    [InlineData("GJJ-20250601-000001", "GJJ-20250601-000001")]
    [InlineData(" gjj-20250601-000001 ", "GJJ-20250601-000001")]
    [InlineData("WC20251101", "WC20251101")]
    [InlineData("GJJ-20250601-7KQ4M2XP", "GJJ-20250601-7KQ4M2XP")]
    [InlineData("rx-20251130-h3z0q9vw", "RX-20251130-H3Z0Q9VW")]
    public void TicketNumberValidate_Valid_Uppercased(string input, string expected)
    {
        Assert.Equal(expected, TicketNumberValidator.Validate(input).Normalized);
    }

    [Theory]
    [InlineData("")]
    [InlineData("办件")]
    [InlineData("GJ")]
    public void TicketNumberValidate_Invalid_IsRejected(string input)
    {
        Assert.False(TicketNumberValidator.Validate(input).IsValid);
    }
}
