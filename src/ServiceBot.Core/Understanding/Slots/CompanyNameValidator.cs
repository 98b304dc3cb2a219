using System.Text.RegularExpressions;

namespace ServiceBot.Understanding.Slots;

/// <summary>
/// A company name as it will be registered: a distinctive name followed by an organisational form, in Chinese
/// (义乌环球贸易有限公司) or English ("Global Trade (Yiwu) Co., Ltd.").
/// </summary>
public static partial class CompanyNameValidator
{
    private const int LongestName = 100;

    public static SlotValidation Validate(string? raw)
    {
        var name = Whitespace().Replace(raw?.Trim() ?? "", " ");
        if (name.Length == 0) return SlotValidation.Invalid("请提供拟设立企业的名称");
        if (name.Length > LongestName) return SlotValidation.Invalid($"企业名称不能超过{LongestName}个字");
        var form = OrganisationalForm().Match(name);
        if (!form.Success)
            return SlotValidation.Invalid("企业名称应以组织形式结尾，例如“义乌环球贸易有限公司”或“Global Trade (Yiwu) Co., Ltd.”");
        if (name[..form.Index].Trim(' ', ',', '(', ')', '（', '）').Length < 2)
            return SlotValidation.Invalid("请在组织形式前写明企业的字号，例如“义乌环球贸易有限公司”");
        return SlotValidation.Valid(name);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    // A trailing full stop is optional: the form reply is stripped of end punctuation before it is checked.
    [GeneratedRegex(@"(有限责任公司|股份有限公司|有限公司|公司|合伙企业|\bco\.?,?\s*ltd\.?|\bcompany\s+limited|\blimited|\bltd\.?|\bllc|\binc\.?|\bcorp(oration|\.)?|\bgmbh|\bplc)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex OrganisationalForm();
}
