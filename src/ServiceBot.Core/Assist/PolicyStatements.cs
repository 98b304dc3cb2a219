using System.Globalization;
using System.Text.RegularExpressions;
using ServiceBot.Understanding.Slots;

namespace ServiceBot.Assist;

/// <summary>What a quantity measures; values of one family can contradict each other.</summary>
public enum QuantityFamily { Time, Money, Percent }

/// <summary>A number with its unit: 一年内, 15个工作日, 3000元. <see cref="Value"/> is in the unit's base (days, months, yuan …).</summary>
/// <param name="Unit">day, workday, month, hour, yuan or percent; years are counted as months and weeks as days.</param>
/// <param name="Context">The words just around it; <paramref name="Sentence"/> is the whole sentence it is in.</param>
public sealed record Quantity(QuantityFamily Family, string Unit, decimal Value, string Surface, string Context, string Sentence);

/// <summary>A permission or requirement: 可以提取 / 不得提取, 需要提供 / 无需提供.</summary>
/// <param name="Permission">True for can/cannot, false for must/need not.</param>
/// <param name="Positive">True for 可以/需要, false for 不得/无需.</param>
/// <param name="Action">The words right after the modal (提取住房公积金).</param>
public sealed record Condition(bool Permission, bool Positive, string Action, string Surface, string Sentence);

/// <summary>
/// Reads the checkable statements of a text — quantities with units and permissions with their polarity — so a draft
/// can be compared with the clause it cites. Each carries the words around it, because a clause holds several numbers
/// and only one about the same thing can contradict.
/// </summary>
public static partial class PolicyStatements
{
    private const int ContextBefore = 10;
    private const int ContextAfter = 6;
    private const int ActionLength = 6;

    public static IReadOnlyList<Quantity> Quantities(string text)
    {
        var found = new List<Quantity>();
        foreach (Match m in QuantityPattern().Matches(text))
        {
            var unitText = m.Groups["unit"].Value;
            if (!TryNumber(m.Groups["num"].Value, out var number) && !(m.Groups["pct"].Success && TryNumber(m.Groups["pct"].Value, out number))) continue;
            var (family, unit, value) = m.Groups["pct"].Success ? (QuantityFamily.Percent, "percent", number) : unitText switch
            {
                "个工作日" or "工作日" => (QuantityFamily.Time, "workday", number),
                "天" or "日" or "个自然日" or "自然日" => (QuantityFamily.Time, "day", number),
                "周" or "个星期" or "星期" => (QuantityFamily.Time, "day", number * 7),
                "个月" => (QuantityFamily.Time, "month", number),
                "年" or "个年头" => (QuantityFamily.Time, "month", number * 12),
                "小时" or "个小时" => (QuantityFamily.Time, "hour", number),
                "万元" or "万块" => (QuantityFamily.Money, "yuan", number * 10_000),
                "%" => (QuantityFamily.Percent, "percent", number),
                _ => (QuantityFamily.Money, "yuan", number),
            };
            // 2026年 and 11月20日 are dates, not durations: a 年 needs a small count, a 日 needs 内/以内 after it.
            if (unitText == "年" && (number >= 100 || FollowedBy(text, m, "月", "度", "级")) || unitText == "日" && !FollowedBy(text, m, "内", "以内", "之内"))
                continue;
            found.Add(new Quantity(family, unit, value, m.Value, Context(text, m.Index, m.Length), SentenceAround(text, m.Index)));
        }
        return found;
    }

    public static IReadOnlyList<Condition> Conditions(string text)
    {
        var found = new List<Condition>();
        foreach (var sentence in SentenceBreak().Split(text).Where(s => s.Trim().Length > 0))
        {
            foreach (Match m in ModalPattern().Matches(sentence))
            {
                var permission = m.Groups["pneg"].Success || m.Groups["ppos"].Success;
                var positive = m.Groups["ppos"].Success || m.Groups["rpos"].Success;
                var end = m.Index + m.Length;
                var action = sentence[end..Math.Min(sentence.Length, end + ActionLength)];
                if (action.Length < 2) continue;
                found.Add(new Condition(permission, positive, action, m.Value + action, sentence));
            }
        }
        return found;
    }

    /// <summary>The verb a condition is about: the first two characters after the modal, skipping 申请/办理 (可以申请提取 is about 提取).</summary>
    public static string Verb(Condition condition)
    {
        var action = condition.Action;
        if (action.Length >= 4 && (action.StartsWith("申请", StringComparison.Ordinal) || action.StartsWith("办理", StringComparison.Ordinal)))
            action = action[2..];
        return action[..2];
    }

    /// <summary>Character pairs of <paramref name="text"/>, Chinese only (numbers and units say nothing about the topic).</summary>
    public static HashSet<string> Bigrams(string text)
    {
        var pairs = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < text.Length; i++)
            if (IsTopicChar(text[i]) && IsTopicChar(text[i + 1])) pairs.Add(text.Substring(i, 2));
        return pairs;
    }

    private static bool IsTopicChar(char c) => Text.TextNormalizer.IsCjk(c) && ChineseNumber.Characters.IndexOf(c) < 0 && "个元块天日月年周内以之".IndexOf(c) < 0;

    private static string SentenceAround(string text, int index)
    {
        var start = text.LastIndexOfAny(SentenceEnds, Math.Max(0, index - 1)) + 1;
        var end = text.IndexOfAny(SentenceEnds, index);
        return text[start..(end < 0 ? text.Length : end)];
    }

    private static readonly char[] SentenceEnds = ['。', '；', ';', '！', '!', '？', '?', '\n'];

    private static string Context(string text, int start, int length)
        => text[Math.Max(0, start - ContextBefore)..start] + " " + text[(start + length)..Math.Min(text.Length, start + length + ContextAfter)];

    private static bool FollowedBy(string text, Match m, params string[] words)
    {
        var rest = text.AsSpan(m.Index + m.Length);
        foreach (var word in words)
            if (rest.StartsWith(word, StringComparison.Ordinal)) return true;
        return false;
    }

    private static bool TryNumber(string text, out decimal value)
    {
        value = 0;
        if (text.Length == 0) return false;
        if (decimal.TryParse(text.Replace(",", ""), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value)) return true;
        return ChineseNumber.TryParse(text, out value);
    }

    [GeneratedRegex(@"百分之(?<pct>[零一二两三四五六七八九十百点\d.]+)|(?<num>\d+(?:,\d{3})*(?:\.\d+)?|[零〇一二两三四五六七八九十百千万]+)\s*(?<unit>个工作日|工作日|个自然日|自然日|个小时|小时|个星期|星期|个月|个年头|万元|万块|元|块|天|日|周|年|%)")]
    private static partial Regex QuantityPattern();

    // Negative forms first, so 不可以 is never read as 可以. 能 alone is a modal only outside 可能/功能/能力 and the like.
    [GeneratedRegex(@"(?<pneg>不可以|不可|不能|不得|不允许|禁止|不予|无权|不准)|(?<rneg>不需要|无需|无须|不必|不用|不须)|(?<ppos>可以|能够|允许|准予|有权|(?<![可功智职才本])能(?![力否源够]))|(?<rpos>需要|必须|应当|须)")]
    private static partial Regex ModalPattern();

    [GeneratedRegex(@"[。；;！!？?\n]")]
    private static partial Regex SentenceBreak();
}
