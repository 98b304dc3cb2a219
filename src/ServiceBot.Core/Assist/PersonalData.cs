using System.Text;
using System.Text.RegularExpressions;
using ServiceBot.Tasks;
using ServiceBot.Text;
using ServiceBot.Understanding.Slots;

namespace ServiceBot.Assist;

/// <summary>What kind of personal number a text holds.</summary>
public enum PersonalDataKind { IdNumber, BankCard, Phone, Passport }

/// <param name="Complete">True when the number passes its validator (ID check digit, Luhn digit, mobile prefix): a full, real-looking number.</param>
public sealed record PersonalNumber(PersonalDataKind Kind, string Value, int Start, int Length, bool Complete);

/// <summary>
/// Personal numbers in free text — typed or read out digit by digit — for masking summaries and prompts and for
/// flagging drafts. Masks keep what lets a person recognise their own number: 1304**********4510, 6217 **** **** 0122, 138****1111.
/// </summary>
public static partial class PersonalData
{
    public static IReadOnlyList<PersonalNumber> FindAll(string text)
    {
        if (string.IsNullOrEmpty(text)) return [];
        var searched = SpokenDigits.ToAscii(TextNormalizer.Normalize(text));
        var found = new List<PersonalNumber>();
        foreach (var token in NumberTokenExtractor.FindAll(searched))
            found.Add(Classify(token));
        foreach (Match passport in PassportPattern().Matches(searched))
        {
            var value = passport.Groups["number"].Value.ToUpperInvariant();
            var start = passport.Groups["number"].Index;
            if (found.Any(f => start < f.Start + f.Length && f.Start < start + value.Length)) continue;
            found.Add(new PersonalNumber(PersonalDataKind.Passport, value, start, value.Length, Complete: true));
        }
        return [.. found.OrderBy(f => f.Start)];
    }

    /// <summary>The text with every personal number masked; the rest is unchanged.</summary>
    public static string Mask(string text)
    {
        var numbers = FindAll(text);
        if (numbers.Count == 0) return text;
        var masked = new StringBuilder(text.Length);
        var next = 0;
        foreach (var number in numbers)
        {
            masked.Append(text, next, number.Start - next).Append(MaskValue(number.Kind, number.Value));
            next = number.Start + number.Length;
        }
        return masked.Append(text, next, text.Length - next).ToString();
    }

    /// <summary>The text with every personal number replaced by a space: a search query needs none of them.</summary>
    public static string Remove(string text)
    {
        var numbers = FindAll(text);
        if (numbers.Count == 0) return text;
        var kept = new StringBuilder(text.Length);
        var next = 0;
        foreach (var number in numbers)
        {
            kept.Append(text, next, number.Start - next).Append(' ');
            next = number.Start + number.Length;
        }
        return kept.Append(text, next, text.Length - next).ToString();
    }

    public static string MaskValue(PersonalDataKind kind, string value) => kind switch
    {
        PersonalDataKind.IdNumber => SlotFormatter.MaskIdNumber(value),
        PersonalDataKind.BankCard => SlotFormatter.MaskBankCard(value),
        PersonalDataKind.Phone => SlotFormatter.MaskPhone(value),
        _ => SlotFormatter.MaskPassport(value),
    };

    /// <summary>A number counts as whatever its validators accept, whatever its label says: a valid ID under "卡号" is still an ID.</summary>
    private static PersonalNumber Classify(NumberToken token)
    {
        var value = token.Compact;
        if (IdNumberValidator.Validate(value).IsValid)
            return new PersonalNumber(PersonalDataKind.IdNumber, value.ToUpperInvariant(), token.Start, token.Length, true);
        if (value.Length is >= 16 and <= 19 && BankCardValidator.Validate(value).IsValid)
            return new PersonalNumber(PersonalDataKind.BankCard, value, token.Start, token.Length, true);
        if (MobilePhoneValidator.Validate(value).IsValid)
            return new PersonalNumber(PersonalDataKind.Phone, value, token.Start, token.Length, true);
        var kind = token.Kind switch
        {
            NumberKind.IdNumber => PersonalDataKind.IdNumber,
            NumberKind.BankCard => PersonalDataKind.BankCard,
            _ => PersonalDataKind.Phone,
        };
        return new PersonalNumber(kind, value, token.Start, token.Length, false);
    }

    // Chinese ordinary (E12345678, EA1234567) and official (G/D/S/P) passports, two-letter foreign ones (PK1234567) outside
    // ticket numbers, or any 6–9 letters and digits labelled 护照.
    [GeneratedRegex(@"(?:护照(?:号码|号)?\s*(?:是|为|:)?\s*(?<number>[a-z0-9]{6,9})(?![a-z0-9]))|(?<![a-z0-9])(?<number>[eg]\d{8}|e[a-hj-np-z]\d{7}|[dsp]e?\d{7})(?![a-z0-9])|(?<![a-z0-9-])(?<number>[a-z]{2}\d{7})(?![a-z0-9-])")]
    private static partial Regex PassportPattern();
}
