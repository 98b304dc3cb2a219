using System.Text.RegularExpressions;

namespace ServiceBot.Understanding.Slots;

/// <summary>What a long digit string is.</summary>
public enum NumberKind { IdNumber, BankCard, Phone }

/// <summary>A long number in text: <see cref="Compact"/> has separators and the country code removed.</summary>
public sealed record NumberToken(NumberKind Kind, string Compact, int Start, int Length);

/// <summary>
/// Finds ID numbers, bank cards and mobile numbers. The words just before a number (身份证, 卡号, 手机)
/// decide first, then the shape and check digits, then the slot the bot asked for.
/// </summary>
public static partial class NumberTokenExtractor
{
    public static IReadOnlyList<NumberToken> FindAll(string normalizedText, string? expectedSlot = null)
    {
        var tokens = new List<NumberToken>();
        var previousEnd = 0;
        foreach (Match match in DigitRun().Matches(normalizedText))
        {
            foreach (var (start, length) in Pieces(normalizedText, match))
            {
                var cue = CueBefore(normalizedText, previousEnd, start);
                var raw = normalizedText.Substring(start, length);
                var hasCountryCode = raw.StartsWith('+') || raw.StartsWith("0086", StringComparison.Ordinal);
                var compact = Compact(raw);
                if (Classify(compact, cue, hasCountryCode, expectedSlot) is { } kind)
                {
                    tokens.Add(new NumberToken(kind, kind == NumberKind.IdNumber ? compact.ToUpperInvariant() : compact, start, length));
                    previousEnd = start + length;
                }
            }
        }
        return tokens;
    }

    private static NumberKind? Classify(string compact, NumberKind? cue, bool hasCountryCode, string? expectedSlot)
    {
        var length = compact.Length;
        var allDigits = compact.All(char.IsAsciiDigit);
        if (cue is { } c && (c != NumberKind.BankCard || allDigits)) return c;
        if (hasCountryCode) return NumberKind.Phone;
        if (length == 11 && compact[0] == '1' && allDigits) return NumberKind.Phone;
        if (length == 18)
        {
            if (IdNumberValidator.Validate(compact).IsValid) return NumberKind.IdNumber;
            if (allDigits && BankCardValidator.PassesLuhn(compact)) return NumberKind.BankCard;
            return expectedSlot == SlotIds.BankCard && allDigits ? NumberKind.BankCard : NumberKind.IdNumber;
        }
        if (!allDigits) return length >= 15 ? NumberKind.IdNumber : null;
        if (length is >= 16 and <= 19) return NumberKind.BankCard;
        return expectedSlot switch
        {
            SlotIds.IdNumber => NumberKind.IdNumber,
            SlotIds.BankCard => NumberKind.BankCard,
            SlotIds.Phone => NumberKind.Phone,
            _ => null,
        };
    }

    /// <summary>
    /// The number's own label, looked for between the previous number and this one, nearest first.
    /// </summary>
    private static NumberKind? CueBefore(string text, int previousEnd, int start)
    {
        var from = Math.Max(previousEnd, start - 12);
        var window = text[from..start];
        NumberKind? kind = null;
        foreach (Match cue in CueWord().Matches(window))
            kind = cue.Groups["id"].Success ? NumberKind.IdNumber : cue.Groups["card"].Success ? NumberKind.BankCard : NumberKind.Phone;
        return kind;
    }

    /// <summary>A run too long for any kind is usually two numbers separated by a space: split it there.</summary>
    private static IEnumerable<(int Start, int Length)> Pieces(string text, Match match)
    {
        var digits = Compact(match.Value).Length;
        if (digits is > 11 and < 15 && StrayGroupBeforeMobile(match.Value) is { } pause)
        {
            // Too long for a mobile and too short for a card: a stray group (最后是二四) before the whole number.
            yield return (match.Index, pause);
            yield return (match.Index + pause + 1, match.Length - pause - 1);
            yield break;
        }
        if (digits is > 11 and < 15 && StrayGroupAfterMobile(match.Value) is { } end)
        {
            // … or after it (一三八 三一零六 六二七五 一三八开头).
            yield return (match.Index, end);
            yield return (match.Index + end + 1, match.Length - end - 1);
            yield break;
        }
        if (digits <= 19)
        {
            yield return (match.Index, match.Length);
            yield break;
        }
        var offset = 0;
        foreach (var part in match.Value.Split(' '))
        {
            if (part.Length > 0) yield return (match.Index + offset, part.Length);
            offset += part.Length + 1;
        }
    }

    /// <summary>The pause after which the rest of the run is an 11-digit mobile number, if there is one.</summary>
    private static int? StrayGroupBeforeMobile(string run)
    {
        for (var pause = run.IndexOf(' ', StringComparison.Ordinal); pause > 0; pause = run.IndexOf(' ', pause + 1))
        {
            var rest = Compact(run[(pause + 1)..]);
            if (rest.Length == 11 && rest[0] == '1') return pause;
        }
        return null;
    }

    /// <summary>The pause before which the run is an 11-digit mobile number, if there is one.</summary>
    private static int? StrayGroupAfterMobile(string run)
    {
        for (var pause = run.LastIndexOf(' '); pause > 0; pause = run.LastIndexOf(' ', pause - 1))
        {
            var head = Compact(run[..pause]);
            if (head.Length == 11 && head[0] == '1') return pause;
        }
        return null;
    }

    private static string Compact(string raw)
    {
        var digits = new string(raw.Where(c => char.IsAsciiDigit(c) || c is 'x' or 'X').ToArray());
        if (raw.StartsWith('+') && digits.StartsWith("86", StringComparison.Ordinal)) return digits[2..];
        if (raw.StartsWith("0086", StringComparison.Ordinal)) return digits[4..];
        if (digits.Length == 13 && digits.StartsWith("861", StringComparison.Ordinal)) return digits[2..];
        return digits;
    }

    // Digits with single spaces or dashes between them, an optional +86 and a trailing X for IDs.
    [GeneratedRegex(@"(?<![0-9a-zA-Z])(?:\+86[ -]?|0086[ -]?)?\d(?:[ -]?\d){10,22}(?:[ -]?[xX])?(?![0-9a-zA-Z])")]
    private static partial Regex DigitRun();

    [GeneratedRegex(@"(?<id>身份证号码|身份证号|身份证|证件号码|证件号|身份号码)|(?<card>银行卡号|银行卡|卡号|储蓄卡|借记卡|卡|账号|账户)|(?<phone>手机号码|手机号|手机|电话号码|电话|联系方式|号码|联系)")]
    private static partial Regex CueWord();
}
