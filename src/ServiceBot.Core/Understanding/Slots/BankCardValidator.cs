using ServiceBot.Localization;
namespace ServiceBot.Understanding.Slots;

/// <summary>Bank card number: 13–19 digits ending in a valid Luhn check digit.</summary>
public static class BankCardValidator
{
    public static SlotValidation Validate(string? raw)
    {
        var card = raw is null ? "" : new string(raw.Where(c => c is not (' ' or '-' or '\u3000')).ToArray());
        if (card.Length == 0) return SlotValidation.Invalid(BotText.Get(nameof(BotTexts.Validation_BankCardMissing)));
        if (!card.All(char.IsAsciiDigit)) return SlotValidation.Invalid(BotText.Get(nameof(BotTexts.Validation_BankCardDigits)));
        if (card.Length is < 13 or > 19) return SlotValidation.Invalid(BotText.Format(nameof(BotTexts.Validation_BankCardLength), card.Length));
        if (!PassesLuhn(card)) return SlotValidation.Invalid(BotText.Get(nameof(BotTexts.Validation_BankCardCheckDigit)));
        return SlotValidation.Valid(card);
    }

    /// <summary>Luhn (mod 10) over a string of ASCII digits.</summary>
    public static bool PassesLuhn(ReadOnlySpan<char> digits)
    {
        var sum = 0;
        for (int i = digits.Length - 1, position = 0; i >= 0; i--, position++)
        {
            var d = digits[i] - '0';
            if (position % 2 == 1) { d *= 2; if (d > 9) d -= 9; }
            sum += d;
        }
        return sum % 10 == 0;
    }
}
