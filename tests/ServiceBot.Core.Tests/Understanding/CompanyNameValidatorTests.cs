using ServiceBot.Understanding.Slots;

namespace ServiceBot.Core.Tests.Understanding;

public sealed class CompanyNameValidatorTests
{
    [Theory]
    [InlineData("义乌环球贸易有限公司")]
    [InlineData("义乌环球贸易有限责任公司")]
    [InlineData("Global Trade (Yiwu) Co., Ltd.")]
    [InlineData("Global Trade (Yiwu) Co., Ltd")]
    [InlineData("Silk Road Imports Limited")]
    [InlineData("Khan Brothers LLC")]
    public void Validate_NameWithOrganisationalForm_IsAccepted(string name)
    {
        var result = CompanyNameValidator.Validate(name);

        Assert.True(result.IsValid, result.Reason);
        Assert.Equal(name, result.Normalized);
    }

    [Theory]
    [InlineData("环球贸易", "组织形式")]
    [InlineData("Global Trade", "组织形式")]
    [InlineData("有限公司", "字号")]
    [InlineData("", "企业的名称")]
    public void Validate_NotACompanyName_IsRefusedWithItsReason(string name, string reasonPart)
    {
        var result = CompanyNameValidator.Validate(name);

        Assert.False(result.IsValid);
        Assert.Contains(reasonPart, result.Reason);
    }
}
