using System.Text.RegularExpressions;
using ServiceBot.Localization;

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
        if (name.Length == 0) return SlotValidation.Invalid(BotText.Get(nameof(BotTexts.Validation_CompanyNameMissing)));
        if (name.Length > LongestName) return SlotValidation.Invalid(BotText.Format(nameof(BotTexts.Validation_CompanyNameTooLong), LongestName));
        var form = OrganisationalForm().Match(name);
        if (!form.Success)
            return SlotValidation.Invalid(BotText.Get(nameof(BotTexts.Validation_CompanyNameForm)));
        if (name[..form.Index].Trim(' ', ',', '(', ')', '（', '）').Length < 2)
            return SlotValidation.Invalid(BotText.Get(nameof(BotTexts.Validation_CompanyNameTradeName)));
        return SlotValidation.Valid(name);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    // A trailing full stop is optional: the form reply is stripped of end punctuation before it is checked.
    [GeneratedRegex(@"(有限责任公司|股份有限公司|有限公司|公司|合伙企业|\bco\.?,?\s*ltd\.?|\bcompany\s+limited|\blimited|\bltd\.?|\bllc|\binc\.?|\bcorp(oration|\.)?|\bgmbh|\bplc)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex OrganisationalForm();
}
