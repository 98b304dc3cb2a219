using ServiceBot.Tasks;
using ServiceBot.Understanding.Slots;

namespace ServiceBot.Core.Tests.Understanding;

public sealed class PassportValidatorTests
{
    [Theory]
    [InlineData("PK1234567", "PK1234567")]
    [InlineData("pk 123 4567", "PK1234567")]
    [InlineData("E12345678", "E12345678")]
    [InlineData("G12345678", "G12345678")]
    [InlineData("AB123456", "AB123456")]
    public void Validate_IcaoDocumentNumber_IsAcceptedUpperCased(string raw, string expected)
    {
        var result = PassportValidator.Validate(raw);

        Assert.True(result.IsValid, result.Reason);
        Assert.Equal(expected, result.Normalized);
    }

    [Theory]
    [InlineData("130402199003074510", "身份证")]
    [InlineData("PK123", "太短")]
    [InlineData("PK12345678901", "太长")]
    [InlineData("1234567PK", "字母开头")]
    [InlineData("PK12-34#567", "字母和数字")]
    [InlineData("", "护照号码")]
    public void Validate_NotAPassportNumber_IsRefusedWithItsReason(string raw, string reasonPart)
    {
        var result = PassportValidator.Validate(raw);

        Assert.False(result.IsValid);
        Assert.Contains(reasonPart, result.Reason);
    }

    [Fact]
    public void FindAll_TicketNumberBesidePassport_FindsOnlyThePassport()
    {
        const string text = "查询办件 wzdj-20261201-ab123456，护照pk1234567";

        var found = PassportValidator.FindAll(text).ToList();

        Assert.Equal([("PK1234567", text.IndexOf("pk", StringComparison.Ordinal), 9)], found);
    }

    [Theory]
    [InlineData("PK1234567", "PK****567")]
    [InlineData("E12345678", "E*****678")]
    public void MaskPassport_Number_KeepsLettersAndLastThreeDigits(string passport, string expected)
        => Assert.Equal(expected, SlotFormatter.MaskPassport(passport));
}
