using System.Text.RegularExpressions;
using ServiceBot.Localization;

namespace ServiceBot.Understanding.Slots;

/// <summary>
/// A passport's document number (ICAO 9303, as printed on the data page): one or two letters, then six to eight
/// digits — PK1234567, E12345678, G12345678. A Chinese resident ID is refused with its own reason, since people
/// who hold both often give the one they use every day.
/// </summary>
public static partial class PassportValidator
{
    private const int ShortestLength = 7;
    private const int LongestLength = 10;

    /// <param name="raw">What the user typed; spaces and dashes are ignored, letters are upper-cased.</param>
    public static SlotValidation Validate(string? raw)
    {
        var number = Compact(raw);
        if (number.Length == 0) return SlotValidation.Invalid(BotText.Get(nameof(BotTexts.Validation_PassportMissing)));
        if (number.Length == 18 && number[..17].All(char.IsAsciiDigit))
            return SlotValidation.Invalid(BotText.Get(nameof(BotTexts.Validation_PassportIsIdNumber)));
        if (!number.All(char.IsAsciiLetterOrDigit)) return SlotValidation.Invalid(BotText.Get(nameof(BotTexts.Validation_PassportCharacters)));
        if (number.Length < ShortestLength)
            return SlotValidation.Invalid(BotText.Format(nameof(BotTexts.Validation_PassportTooShort), number.Length));
        if (number.Length > LongestLength)
            return SlotValidation.Invalid(BotText.Format(nameof(BotTexts.Validation_PassportTooLong), number.Length));
        if (!DocumentNumber().IsMatch(number))
            return SlotValidation.Invalid(BotText.Get(nameof(BotTexts.Validation_PassportFormat)));
        return SlotValidation.Valid(number);
    }

    /// <summary>Passport-shaped numbers in normalised (lower-case) text; a dash next to one makes it part of a ticket number instead.</summary>
    public static IEnumerable<(string Value, int Start, int Length)> FindAll(string normalizedText)
    {
        foreach (Match match in Mention().Matches(normalizedText))
            yield return (match.Value.ToUpperInvariant(), match.Index, match.Length);
    }

    private static string Compact(string? raw)
        => raw is null ? "" : new string(raw.Where(c => c is not (' ' or '-' or '\u3000')).Select(char.ToUpperInvariant).ToArray());

    [GeneratedRegex(@"^[A-Z]{1,2}\d{6,8}$")]
    private static partial Regex DocumentNumber();

    [GeneratedRegex(@"(?<![a-z0-9-])[a-z]{1,2}\d{6,8}(?![a-z0-9-])", RegexOptions.IgnoreCase)]
    private static partial Regex Mention();
}
