using ServiceBot.Localization;
namespace ServiceBot.Understanding.Slots;

/// <summary>Mainland China mobile number: 11 digits, 1[3-9]…, with an optional +86 / 0086 / 86 prefix.</summary>
public static class MobilePhoneValidator
{
    public static SlotValidation Validate(string? raw)
    {
        var phone = raw is null ? "" : new string(raw.Where(c => c is not (' ' or '-' or '(' or ')' or '\u3000')).ToArray());
        if (phone.Length == 0) return SlotValidation.Invalid(BotText.Get(nameof(BotTexts.Validation_PhoneMissing)));
        phone = StripCountryCode(phone);
        if (!phone.All(char.IsAsciiDigit)) return SlotValidation.Invalid(BotText.Get(nameof(BotTexts.Validation_PhoneDigits)));
        if (phone.Length != 11) return SlotValidation.Invalid(BotText.Format(nameof(BotTexts.Validation_PhoneLength), phone.Length));
        if (phone[0] != '1' || phone[1] is < '3' or > '9')
            return SlotValidation.Invalid(BotText.Get(nameof(BotTexts.Validation_PhonePrefix)));
        return SlotValidation.Valid(phone);
    }

    private static string StripCountryCode(string phone)
    {
        if (phone.StartsWith("+86", StringComparison.Ordinal)) return phone[3..];
        if (phone.StartsWith("0086", StringComparison.Ordinal)) return phone[4..];
        if (phone.Length == 13 && phone.StartsWith("86", StringComparison.Ordinal)) return phone[2..];
        return phone;
    }
}
