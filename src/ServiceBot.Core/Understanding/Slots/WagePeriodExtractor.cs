using System.Globalization;
using System.Text.RegularExpressions;

namespace ServiceBot.Understanding.Slots;

/// <summary>A span of months in text, normalised to "2026-09至2026-11", "2026-10" or "近3个月".</summary>
public sealed record PeriodMention(string Value, int Start, int Length);

/// <summary>
/// Wage periods: 2026年9月到11月, 9月-10月, 十月和十一月, 九月份十月份, 从六月干到九月, 去年12月至今, 九月份开始 (to now), 三个月, 10月份. Months without a year lean to the
/// past; a range whose end month is smaller than its start runs into the next year.
/// </summary>
public static partial class WagePeriodExtractor
{
    public static IReadOnlyList<PeriodMention> FindAll(string normalizedText, DateTime localNow)
    {
        var mentions = new List<PeriodMention>();
        foreach (Match m in Range().Matches(normalizedText))
        {
            var start = ResolveMonth(m.Groups["y1"].Value, m.Groups["ry1"].Value, m.Groups["m1"].Value, localNow, null);
            if (start is null) continue;
            DateTime? end = m.Groups["now"].Success
                ? new DateTime(localNow.Year, localNow.Month, 1)
                : ResolveMonth(m.Groups["y2"].Value, m.Groups["ry2"].Value, m.Groups["m2"].Value, localNow, start);
            if (end is null || end < start) continue;
            mentions.Add(new PeriodMention(FormatRange(start.Value, end.Value), m.Index, m.Length));
        }
        foreach (Match m in Duration().Matches(normalizedText))
        {
            if (Overlaps(mentions, m.Index)) continue;
            var count = m.Groups["half"].Success ? "半" : NumberText(m.Groups["n"].Value);
            if (count is null) continue;
            var months = m.Groups["year"].Success ? (count == "半" ? "6" : Multiply(count, 12)) : count;
            if (months is null) continue;
            mentions.Add(new PeriodMention(months == "半" ? "近半个月" : $"近{months}个月", m.Index, m.Length));
        }
        return JoinListedMonths(mentions.OrderBy(p => p.Start).ToList(), normalizedText);
    }

    /// <summary>Months listed one after another (六月 七月 八月) are one range, from the first to the last.</summary>
    private static List<PeriodMention> JoinListedMonths(List<PeriodMention> mentions, string text)
    {
        for (var i = 0; i + 1 < mentions.Count; i++)
        {
            var (first, next) = (mentions[i], mentions[i + 1]);
            var gap = text[(first.Start + first.Length)..next.Start];
            if (!ListGap().IsMatch(gap) || next.Value.Contains('至', StringComparison.Ordinal) || next.Value.StartsWith('近')) continue;
            var lastMonth = first.Value.Split('至')[^1];
            if (!DateTime.TryParseExact(lastMonth, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var last)
                || !DateTime.TryParseExact(next.Value, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var following)
                || last.AddMonths(1) != following) continue;
            mentions[i] = new PeriodMention($"{first.Value.Split('至')[0]}至{next.Value}", first.Start, next.Start + next.Length - first.Start);
            mentions.RemoveAt(i + 1);
            i--;
        }
        return mentions;
    }

    private static DateTime? ResolveMonth(string year, string relativeYear, string month, DateTime now, DateTime? rangeStart)
    {
        var monthNumber = Number(month);
        if (monthNumber is < 1 or > 12) return null;
        int resolvedYear;
        if (year.Length > 0) resolvedYear = Number(year);
        else if (relativeYear.Length > 0) resolvedYear = now.Year + (relativeYear == "去年" ? -1 : relativeYear == "前年" ? -2 : 0);
        else if (rangeStart is { } s) resolvedYear = monthNumber >= s.Month ? s.Year : s.Year + 1;
        else resolvedYear = monthNumber > now.Month ? now.Year - 1 : now.Year;
        if (resolvedYear is < 1900 or > 2200) return null;
        return new DateTime(resolvedYear, monthNumber, 1);
    }

    private static string FormatRange(DateTime start, DateTime end)
    {
        var first = start.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        return start == end ? first : $"{first}至{end.ToString("yyyy-MM", CultureInfo.InvariantCulture)}";
    }

    private static bool Overlaps(List<PeriodMention> mentions, int index)
        => mentions.Any(p => index >= p.Start && index < p.Start + p.Length);

    private static string? NumberText(string text)
    {
        var n = Number(text);
        return n is > 0 and <= 120 ? n.ToString(CultureInfo.InvariantCulture) : null;
    }

    private static string? Multiply(string count, int factor)
        => int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? (n * factor).ToString(CultureInfo.InvariantCulture) : null;

    private static int Number(string text)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n)) return n;
        return ChineseNumber.TryParse(text, out var value) ? (int)value : -1;
    }

    [GeneratedRegex(@"(?:(?<y1>\d{4})年|(?<ry1>去年|今年|前年))?(?<m1>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])月份?\s*(?:(?:开始|起)?\s*(?:一直)?\s*(?:(?:干|做|上班|干活|打工)\s*)?(?:到|至|—|–|-|~|～|和|跟|、)?\s*(?:(?:(?<y2>\d{4})年|(?<ry2>去年|今年))?(?<m2>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])月份?|(?<now>今(?!年)|现在|目前))|(?<now>以来|(?:开始|起(?![诉床来码点]))(?!\s*(?:一直)?\s*(?:到|至))))")]
    private static partial Regex Range();

    [GeneratedRegex(@"^[\s、,，]*(?:和|还有)?[\s、,，]*$")]
    private static partial Regex ListGap();

    [GeneratedRegex(@"(?<!\d)(?:近|最近|这|连续|整整|快)?(?:(?<n>\d{1,2}|[一二两三四五六七八九十]{1,3})(?:个多?月|(?<year>多?年))|(?<half>半)(?:个月|(?<year>年)))(?!份|底|初|前|级)")]
    private static partial Regex Duration();
}
