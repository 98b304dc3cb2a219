using System.Globalization;
using System.Text.RegularExpressions;

namespace ServiceBot.Understanding.Slots;

/// <summary>An amount of money in yuan found in text.</summary>
public sealed record AmountMention(decimal Yuan, int Start, int Length)
{
    public string Normalized => AmountExtractor.Format(Yuan);
}

/// <summary>
/// Amounts of money: 3000元, 三千五百块, 两万, 1.5万, 3k, ¥2,000, 2000.50元, 十二块五. A number counts as money when
/// it carries a currency sign, a unit (元/块) or a magnitude (万/千/k), or when a money word precedes it
/// (金额改成2000, 欠了我8000); digits followed by 月/号/点/个 are dates, times or counts. English reads the same
/// way: 8,600 yuan, RMB 8600, 3k, 8.6 thousand, "he owes me 8000"; 3 days and 5 pm are not money.
/// Callers mask ID numbers, cards, phones and dates before calling.
/// </summary>
public static partial class AmountExtractor
{
    public static IReadOnlyList<AmountMention> FindAll(string normalizedText, bool bareNumberIsAmount = false)
    {
        var mentions = new List<AmountMention>();
        foreach (Match match in AmountPattern().Matches(normalizedText))
        {
            if (match.Length == 0) continue;
            var end = match.Index + match.Length;
            var hasMarker = match.Groups["currency"].Success || match.Groups["unit"].Success || match.Groups["magnitude"].Success
                || match.Groups["cn"].Success && match.Groups["cn"].Value.IndexOfAny(['万', '千', '百']) >= 0;
            // A lone Chinese digit is a word far more often than a sum: 一共, 一下, 三轮车.
            if (!hasMarker && !bareNumberIsAmount && match.Groups["cn"].Success && match.Groups["cn"].Value.IndexOfAny(['十', '拾']) < 0) continue;
            // Even as the answer to "how much", a lone digit running into a word (一共两万, 一下) is that word.
            if (!hasMarker && match.Groups["cn"].Length == 1 && end < normalizedText.Length && Text.TextNormalizer.IsCjk(normalizedText[end])) continue;
            if (!match.Groups["unit"].Success && FollowedByNonMoney(normalizedText, end)) continue;
            if (!hasMarker && !bareNumberIsAmount && !MoneyWordBefore(normalizedText, match.Index)) continue;
            if (TryEvaluate(match, out var yuan)) mentions.Add(new AmountMention(yuan, match.Index, match.Length));
        }
        return mentions;
    }

    /// <summary>Reads a whole reply as one amount ("3000", "三千五", "1.5万元"); false when it is not one.</summary>
    public static bool TryParse(string text, out decimal yuan)
    {
        yuan = 0;
        var normalized = Text.TextNormalizer.Normalize(text).Trim().TrimEnd('。', '.', '!', '！');
        var negative = normalized.StartsWith('-') || normalized.StartsWith('负');
        if (negative) normalized = normalized[1..].TrimStart();
        var match = AmountPattern().Match(normalized);
        if (!match.Success || match.Index != 0 || match.Length != normalized.Length || !TryEvaluate(match, out yuan)) return false;
        if (negative) yuan = -yuan;
        return true;
    }

    /// <summary>"3000", "2000.5": invariant, no grouping, no trailing zeros.</summary>
    public static string Format(decimal yuan) => yuan.ToString("0.##", CultureInfo.InvariantCulture);

    private static bool TryEvaluate(Match match, out decimal yuan)
    {
        yuan = 0;
        if (match.Groups["cn"].Success)
        {
            if (!ChineseNumber.TryParse(match.Groups["cn"].Value, out yuan)) return false;
        }
        else
        {
            if (!decimal.TryParse(match.Groups["num"].Value.Replace(",", ""), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out yuan))
                return false;
            yuan *= match.Groups["magnitude"].Value switch
            {
                "万" or "w" => 10_000m,
                "千" or "k" or "thousand" => 1_000m,
                "million" => 1_000_000m,
                "百" => 100m,
                _ => 1m,
            };
        }
        // 十二块五 is 12.5 yuan: a digit right after 块 counts tenths (角).
        if (match.Groups["jiao"].Success) yuan += ChineseNumber.Digit(match.Groups["jiao"].Value[0])!.Value / 10m;
        yuan = Math.Round(yuan, 2);
        return true;
    }

    private static bool FollowedByNonMoney(string text, int end)
    {
        var rest = text.AsSpan(end).TrimStart(' ');
        if (rest.IsEmpty) return false;
        return rest[0] is '月' or '日' or '号' or '点' or '时' or '分' or '年' or '个' or '岁' or '天' or '周' or '楼' or '层' or '路'
            or '次' or '人' or '%' or '米' or '斤' or '公' or '小' or '栋' or '单' or '室' or '期' or '倍' or '位'
            || EnglishNonMoney().IsMatch(rest.ToString());
    }

    private static bool MoneyWordBefore(string text, int start)
    {
        var window = text.AsSpan(Math.Max(0, start - 8), start - Math.Max(0, start - 8));
        return MoneyWord().IsMatch(window) || EnglishMoneyWord().IsMatch(text.AsSpan(Math.Max(0, start - 24), start - Math.Max(0, start - 24)));
    }

    // English counts and times: 3 days, 2 people, 5 pm, the 3rd.
    [GeneratedRegex(@"^(?:days?|weeks?|months?|years?|hours?|minutes?|people|persons?|times|am|pm|a\.m\.|p\.m\.|o'clock|km|st|nd|rd|th)(?![a-z])")]
    private static partial Regex EnglishNonMoney();

    [GeneratedRegex(@"(?<![a-z])(?:amount|withdraw|take out|owes?(?: me)?|owed(?: me)?|unpaid|salary|wages?|pay|paid|total|about|around|change it to|is)\s*(?:of\s*)?[:：]?\s*$")]
    private static partial Regex EnglishMoneyWord();

    [GeneratedRegex(@"(?:(?<currency>[¥￥]|(?<![a-z])(?:rmb|cny)(?![a-z]))\s*)?(?:(?<num>\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?|\d+(?:\.\d{1,2})?)\s*(?<magnitude>万|千|百|thousand(?![a-z])|million(?![a-z])|k(?![a-z])|w(?![a-z]))?|(?<cn>[零〇一二两三四五六七八九十壹贰叁肆伍陆柒捌玖拾][零〇一二两三四五六七八九十百千万亿点壹贰叁肆伍陆柒捌玖拾佰仟]*))\s*多?\s*(?<unit>块钱|块(?:(?<jiao>[一二三四五六七八九])毛?(?![零〇一二两三四五六七八九十百千万亿点月号日天年个]))?|元|圆|人民币|(?:yuan|rmb|cny|kuai)(?![a-z]))?")]
    private static partial Regex AmountPattern();

    [GeneratedRegex(@"(金额|钱数|数额|提取|提|取|取出|欠|拖欠|欠薪|工资|薪水|一共|总共|共计|合计|改成|改为|换成|应该是|是|要|约|大概|差不多)\s*[:：]?\s*$")]
    private static partial Regex MoneyWord();
}
