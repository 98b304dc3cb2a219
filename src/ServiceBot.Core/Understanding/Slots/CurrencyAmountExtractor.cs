using System.Globalization;
using System.Text.RegularExpressions;

namespace ServiceBot.Understanding.Slots;

/// <summary>An amount in a named currency; <see cref="Normalized"/> is "500000 USD": the amount, a space, the ISO 4217 code.</summary>
public sealed record CurrencyAmountMention(decimal Amount, string Currency, int Start, int Length)
{
    public string Normalized => AmountExtractor.Format(Amount) + " " + Currency;
}

/// <summary>
/// Amounts with their currency, as a registered capital is stated: 500,000 USD, USD 500,000, $500k, 1 million US dollars,
/// RMB 2 million, 50万美元, 100万元. The currency must be said; a bare number is not read.
/// </summary>
public static partial class CurrencyAmountExtractor
{
    /// <summary>Mentions in <paramref name="normalizedText"/> (lower case), left to right.</summary>
    public static IReadOnlyList<CurrencyAmountMention> FindAll(string normalizedText)
    {
        var mentions = new List<CurrencyAmountMention>();
        foreach (Match match in Pattern().Matches(normalizedText))
        {
            var code = CodeOf(match.Groups["pre"].Success ? match.Groups["pre"].Value : match.Groups["post"].Value);
            if (code is null || !decimal.TryParse(match.Groups["num"].Value.Replace(",", ""), NumberStyles.AllowDecimalPoint,
                    CultureInfo.InvariantCulture, out var amount)) continue;
            amount *= match.Groups["mag"].Value switch
            {
                "k" or "thousand" or "千" => 1_000m,
                "万" => 10_000m,
                "m" or "million" => 1_000_000m,
                "亿" => 100_000_000m,
                "billion" or "bn" => 1_000_000_000m,
                _ => 1m,
            };
            mentions.Add(new CurrencyAmountMention(Math.Round(amount, 2), code, match.Index, match.Length));
        }
        return mentions;
    }

    /// <summary>Reads a whole reply ("500,000 USD") as one amount; null when it is not exactly one.</summary>
    public static CurrencyAmountMention? Parse(string text)
    {
        var normalized = Text.TextNormalizer.Normalize(text).Trim().TrimEnd('。', '.', '!', '！');
        var found = FindAll(normalized);
        return found.Count == 1 && found[0].Start == 0 && found[0].Length == normalized.Length ? found[0] : null;
    }

    private static string? CodeOf(string currency) => currency.Replace(".", "").Replace(" ", "") switch
    {
        "usd" or "us$" or "$" or "usdollar" or "usdollars" or "dollar" or "dollars" or "美元" or "美金" => "USD",
        "rmb" or "cny" or "¥" or "yuan" or "元" or "人民币" or "块" => "CNY",
        "eur" or "€" or "euro" or "euros" or "欧元" => "EUR",
        "hkd" or "hk$" or "hongkongdollar" or "hongkongdollars" or "港元" or "港币" => "HKD",
        "gbp" or "£" or "pound" or "pounds" or "poundssterling" or "英镑" => "GBP",
        "jpy" or "yen" or "日元" => "JPY",
        _ => null,
    };

    private const string Number = @"(?<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(?:(?<mag>k|m|bn|thousand|million|billion|千|万|亿)(?![a-z]))?";

    [GeneratedRegex(@"(?<![a-z])(?:(?<pre>us\$|hk\$|usd|rmb|cny|eur|hkd|gbp|jpy|[$¥€£])\s*" + Number
        + @"|" + Number + @"\s*(?<post>u\.?s\.? dollars?|hong kong dollars?|pounds sterling|usd|rmb|cny|eur|hkd|gbp|jpy|dollars?|euros?|pounds?|yuan|yen|美元|美金|人民币|欧元|港元|港币|英镑|日元|元)(?![a-z]))")]
    private static partial Regex Pattern();
}
