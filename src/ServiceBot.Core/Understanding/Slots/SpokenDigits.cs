using System.Text;
using System.Text.RegularExpressions;

namespace ServiceBot.Understanding.Slots;

/// <summary>
/// Numbers read out digit by digit, as speech recognisers and some typists write them: 一三八零零零零一一一一 and
/// 幺三八… (phone), 身份证 digits ending in 叉, bank cards in groups (六二一七 零零零零 …), a year 二零二六年. They become
/// ASCII digits in place, one character for one, so positions in the text stay valid. Only long runs (seven digits or
/// more) and four-digit years change: short runs (一一, 三三两两) are words, and numerals with units (三千五) are amounts.
/// </summary>
public static partial class SpokenDigits
{
    /// <summary>The fewest digits a run needs before it is read as a number rather than words.</summary>
    public const int MinimumRunLength = 7;

    public static string ToAscii(string normalizedText)
    {
        if (string.IsNullOrEmpty(normalizedText)) return normalizedText ?? "";
        StringBuilder? result = null;
        foreach (Match run in DigitRun().Matches(normalizedText))
        {
            var digits = run.Value.Count(c => c != ' ' && c != '-');
            var isYear = digits == 4 && run.Groups["year"].Success;
            if (digits < MinimumRunLength && !isYear) continue;
            if (!run.Value.Any(c => IsSpokenDigit(c) || c == '叉')) continue;
            result ??= new StringBuilder(normalizedText);
            for (var i = 0; i < run.Length; i++)
            {
                var c = run.Value[i];
                if (Digit(c) is { } d) result[run.Index + i] = (char)('0' + d);
                else if (c is '叉' or 'x' or 'X') result[run.Index + i] = 'X';
            }
        }
        return result?.ToString() ?? normalizedText;
    }

    /// <summary>The digit a character stands for when numbers are read one digit at a time (幺 = 1, 两 = 2).</summary>
    public static int? Digit(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        '幺' => 1,
        _ => ChineseNumber.Digit(c),
    };

    private static bool IsSpokenDigit(char c) => c is not (>= '0' and <= '9') && Digit(c) is not null;

    // Digits (spoken or not), single spaces or dashes between groups, an optional check character for an ID,
    // or four digits before 年. 壹贰… are excluded: they write amounts in capitals, never digit strings.
    [GeneratedRegex(@"(?<![0-9零〇一二两三四五六七八九幺])(?:[0-9零〇一二两三四五六七八九幺](?:[ -]?[0-9零〇一二两三四五六七八九幺])*(?:[ -]?[叉xX](?![a-zA-Z]))?)(?<year>(?=年))?(?![0-9零〇一二两三四五六七八九幺十百千万亿点])")]
    private static partial Regex DigitRun();
}
