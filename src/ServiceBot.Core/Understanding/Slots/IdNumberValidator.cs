using ServiceBot.Localization;
using System.Globalization;

namespace ServiceBot.Understanding.Slots;

/// <summary>18-character resident identity number (GB 11643-1999): region, birth date and ISO 7064 MOD 11-2 check character.</summary>
public static class IdNumberValidator
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    // First two digits: the province-level codes of GB/T 2260.
    private static readonly HashSet<int> ProvinceCodes =
    [
        11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46,
        50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83, 91,
    ];

    /// <param name="raw">What the user typed; spaces and dashes are ignored, a lowercase x is accepted.</param>
    /// <param name="today">When given, a birth date after it is rejected.</param>
    public static SlotValidation Validate(string? raw, DateOnly? today = null)
    {
        var id = Compact(raw);
        if (id.Length == 0) return SlotValidation.Invalid(BotText.Get(nameof(BotTexts.Validation_IdNumberMissing)));
        if (id.Length != 18) return SlotValidation.Invalid(BotText.Format(nameof(BotTexts.Validation_IdNumberLength), id.Length));
        for (var i = 0; i < 17; i++)
            if (!char.IsAsciiDigit(id[i])) return SlotValidation.Invalid(BotText.Get(nameof(BotTexts.Validation_IdNumberDigits)));
        if (!char.IsAsciiDigit(id[17]) && id[17] != 'X') return SlotValidation.Invalid(BotText.Get(nameof(BotTexts.Validation_IdNumberLastCharacter)));
        if (!ProvinceCodes.Contains((id[0] - '0') * 10 + (id[1] - '0')))
            return SlotValidation.Invalid(BotText.Get(nameof(BotTexts.Validation_IdNumberRegion)));
        if (!DateOnly.TryParseExact(id.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth)
            || birth.Year < 1900 || (today is { } t && birth > t))
            return SlotValidation.Invalid(BotText.Get(nameof(BotTexts.Validation_IdNumberBirthDate)));
        if (CheckCharacter(id) != id[17]) return SlotValidation.Invalid(BotText.Get(nameof(BotTexts.Validation_IdNumberCheckDigit)));
        return SlotValidation.Valid(id);
    }

    /// <summary>The check character for the first 17 digits of <paramref name="id"/>.</summary>
    public static char CheckCharacter(ReadOnlySpan<char> id)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += (id[i] - '0') * Weights[i];
        return CheckCharacters[sum % 11];
    }

    private static string Compact(string? raw)
        => raw is null ? "" : new string(raw.Where(c => c is not (' ' or '-' or '\u3000')).Select(char.ToUpperInvariant).ToArray());
}
