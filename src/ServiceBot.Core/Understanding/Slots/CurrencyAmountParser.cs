using System.Globalization;
using System.Text.RegularExpressions;
using ServiceBot.Localization;

namespace ServiceBot.Understanding.Slots;

/// <summary>An amount of money in a named currency, found in text; <see cref="Normalized"/> reads "500000 USD".</summary>
public sealed record CurrencyAmountMention(decimal Amount, string Currency, int Start, int Length)
{
    public string Normalized => CurrencyAmountParser.Format(Amount, Currency);
}

/// <summary>
/// Amounts with their currency, as registered capital is stated: 50万美元, 100万元人民币, 五十万美元, "500,000 USD",
/// "USD 500k", "1 million US dollars". Currencies are ISO 4217 codes whose names and signs live in
/// knowledge/lexicons/currencies.txt; number words and magnitudes are read here. The one place that reads capital.
/// </summary>
public static partial class CurrencyAmountParser
{
    /// <summary>The amount nearest a currency mention; null when the text holds no number.</summary>
    /// <returns>A valid mention, or a reason (no currency named, zero) with whatever was read.</returns>
    public static (CurrencyAmountMention? Mention, SlotValidation? Validation) Find(string normalizedText, AliasLexicon currencies)
    {
        var numbers = NumberPattern().Matches(normalizedText).Where(m => m.Groups["num"].Length > 0 && !IsLoneChineseDigit(m)).ToList();
        if (numbers.Count == 0) return (null, null);
        // Digits hidden, so a code written against its number (300000PKR) still stands apart as a word.
        var currencyMentions = currencies.FindAll(Digit().Replace(normalizedText, "#"));
        if (currencyMentions.Count == 0)
            return (null, SlotValidation.Invalid(BotText.Get(nameof(BotTexts.Validation_CapitalCurrencyMissing))));

        // A number and the currency beside it belong together: "USD 500k" and "50万美元" alike.
        var (number, currency) = numbers
            .SelectMany(n => currencyMentions.Select(c => (Number: n, Currency: c)))
            .MinBy(pair => Gap(pair.Number.Index, pair.Number.Length, pair.Currency.Start, pair.Currency.Length));
        if (!TryEvaluate(number, out var amount))
            return (null, SlotValidation.Invalid(BotText.Get(nameof(BotTexts.Validation_CapitalUnreadable))));
        var start = Math.Min(number.Index, currency.Start);
        var end = Math.Max(number.Index + number.Length, currency.Start + currency.Length);
        var mention = new CurrencyAmountMention(amount, currency.Canonical, start, end - start);
        if (amount <= 0) return (mention, SlotValidation.Invalid(BotText.Get(nameof(BotTexts.Validation_CapitalNotPositive)), mention.Normalized));
        if (decimal.Round(amount, 2) != amount) return (mention, SlotValidation.Invalid(BotText.Get(nameof(BotTexts.Validation_CapitalPrecision)), mention.Normalized));
        return (mention, SlotValidation.Valid(mention.Normalized));
    }

    public static string Format(decimal amount, string currency)
        => amount.ToString("0.##", CultureInfo.InvariantCulture) + " " + currency;

    /// <summary>"500000 USD" back into its parts; false for anything else.</summary>
    public static bool TryParseNormalized(string value, out decimal amount, out string currency)
    {
        var match = NormalizedPattern().Match(value.Trim());
        currency = match.Success ? match.Groups["code"].Value : "";
        amount = 0;
        return match.Success && decimal.TryParse(match.Groups["amount"].Value, NumberStyles.Number, CultureInfo.InvariantCulture, out amount);
    }

    private static int Gap(int aStart, int aLength, int bStart, int bLength)
        => Math.Max(0, Math.Max(bStart - (aStart + aLength), aStart - (bStart + bLength)));

    // 一 alone is a word (一家公司), not an amount.
    private static bool IsLoneChineseDigit(Match m) => !m.Groups["mag"].Success && m.Groups["num"].Value.Length == 1 && !char.IsAsciiDigit(m.Groups["num"].Value[0]);

    private static bool TryEvaluate(Match match, out decimal amount)
    {
        amount = 0;
        var text = match.Groups["num"].Value;
        decimal number;
        if (char.IsAsciiDigit(text[0]))
        {
            if (!decimal.TryParse(text.Replace(",", "", StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture, out number)) return false;
        }
        else if (!ChineseNumber.TryParse(text, out number)) return false;
        amount = number * Magnitude(match.Groups["mag"].Value);
        return true;
    }

    private static decimal Magnitude(string word) => word switch
    {
        "" => 1,
        "千" or "k" or "thousand" => 1_000,
        "万" => 10_000,
        "十万" => 100_000,
        "百万" or "m" or "mn" or "million" => 1_000_000,
        "千万" => 10_000_000,
        "亿" => 100_000_000,
        "b" or "bn" or "billion" => 1_000_000_000,
        _ => 1,
    };

    [GeneratedRegex("""
        (?<![\d.,a-z])
        (?<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟][零〇一二两三四五六七八九十百千万亿点壹贰叁肆伍陆柒捌玖拾佰仟]*)
        (?:\s*(?<mag>十万|百万|千万|万|亿|千)|\s*(?<mag>thousand|million|billion|mn|bn|k|m|b)(?![a-z]))?
        """, RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"\d")]
    private static partial Regex Digit();

    [GeneratedRegex(@"^(?<amount>\d+(?:\.\d{1,2})?) (?<code>[A-Z]{3})$")]
    private static partial Regex NormalizedPattern();
}
