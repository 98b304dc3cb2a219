using System.Text;
using System.Text.RegularExpressions;
using ServiceBot.Understanding.Slots;

namespace ServiceBot.Assist;

/// <summary>
/// A number read out over several caller lines, with the agent's 嗯 or 您接着说 between them
/// (身份证 三七零一零二 一九八五 / 嗯 / 零九二一 二四六叉). The digits a caller line ends on are held while they make no
/// whole number; when the caller's next line opens with digits and together they make a valid ID, bank card or mobile,
/// that line is read with the held digits (and the cue before them) in front. Digits that still fall short are held on,
/// so a number may span three lines.
/// </summary>
public sealed partial class SpokenNumberContinuation
{
    /// <summary>Fewer trailing digits than this are a word (一一) or part of an amount, not the start of a number.</summary>
    private const int MinimumHeldDigits = 3;

    /// <summary>The longest number a caller reads out: an ID has 18 characters, a card at most 19 digits.</summary>
    private const int MaximumDigits = 19;

    /// <summary>Characters kept before held digits, so their cue (身份证, 电话是) travels with them.</summary>
    private const int CueWindow = 8;

    private string? _held;

    /// <summary>The caller's next line, with held digits in front when they complete a number; remembers its tail.</summary>
    public string Join(string callerLine)
    {
        var line = callerLine ?? "";
        var held = _held;
        _held = null;
        var lead = LeadingDigits().Match(line);
        if (held is not null && lead.Success)
        {
            var digits = Digits(held) + Digits(lead.Groups["digits"].Value);
            if (IsWholeNumber(digits)) return held + " " + line;
            // Still short of a number: hold the longer run for the line after.
            if (digits.Length < MaximumDigits && lead.Length == line.TrimEnd().Length)
            {
                _held = held + " " + lead.Groups["digits"].Value;
                return line;
            }
        }
        Hold(line);
        return line;
    }

    private void Hold(string line)
    {
        var tail = TrailingDigits().Match(line);
        if (!tail.Success) return;
        var digits = Digits(tail.Value);
        if (digits.Length < MinimumHeldDigits || digits.Length >= MaximumDigits || IsWholeNumber(digits)) return;
        // A whole number ending the line (a phone read in one breath) is complete already; so is anything it completes.
        var from = Math.Max(0, tail.Index - CueWindow);
        _held = line[from..].Trim();
    }

    /// <summary>A valid mobile, ID or bank card: only then are two lines one number.</summary>
    public static bool IsWholeNumber(string digits)
    {
        if (digits.Length == 11 && digits[0] == '1' && digits.All(char.IsAsciiDigit)) return true;
        if (digits.Length == 18 && IdNumberValidator.Validate(digits).IsValid) return true;
        return digits.Length is >= 16 and <= 19 && digits.All(char.IsAsciiDigit) && BankCardValidator.PassesLuhn(digits);
    }

    /// <summary>The digits of spoken or typed text: 幺 and 两 as 1 and 2, 叉 as X, everything else dropped.</summary>
    private static string Digits(string text)
    {
        var digits = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (SpokenDigits.Digit(c) is { } d) digits.Append((char)('0' + d));
            else if (c is '叉' or 'x' or 'X') digits.Append('X');
        }
        return digits.ToString();
    }

    // Digits opening a line, after fillers (嗯 三零五二 二四六八).
    [GeneratedRegex(@"^\s*(?:嗯|呃|啊|哦|然后|后面|后面是|接着|是)?\s*(?<digits>[0-9零〇一二两三四五六七八九幺](?:\s?[0-9零〇一二两三四五六七八九幺])*(?:\s?[叉xX](?![a-zA-Z]))?)(?![十百千万亿点块元])")]
    private static partial Regex LeadingDigits();

    // Digits closing a line: grouped by single spaces, never part of an amount (八千六) or a count.
    [GeneratedRegex(@"(?<![0-9零〇一二两三四五六七八九幺十百千万])[0-9零〇一二两三四五六七八九幺](?:\s?[0-9零〇一二两三四五六七八九幺])*(?:\s?[叉xX])?\s*$")]
    private static partial Regex TrailingDigits();
}
