using System.Text.RegularExpressions;

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
        if (number.Length == 0) return SlotValidation.Invalid("请提供护照号码");
        if (number.Length == 18 && number[..17].All(char.IsAsciiDigit))
            return SlotValidation.Invalid("这是中国居民身份证号码，本事项需要申请人的护照号码（例如 PK1234567）");
        if (!number.All(char.IsAsciiLetterOrDigit)) return SlotValidation.Invalid("护照号码只能包含字母和数字，请核对后重新输入");
        if (number.Length < ShortestLength)
            return SlotValidation.Invalid($"护照号码太短（{number.Length}位），一般为7至10位字母和数字，请核对后重新输入");
        if (number.Length > LongestLength)
            return SlotValidation.Invalid($"护照号码太长（{number.Length}位），一般为7至10位字母和数字，请核对后重新输入");
        if (!DocumentNumber().IsMatch(number))
            return SlotValidation.Invalid("护照号码应以1至2个字母开头、后接6至8位数字（例如 PK1234567），请核对后重新输入");
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
