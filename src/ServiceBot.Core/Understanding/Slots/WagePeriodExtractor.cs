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
        for (var m = Range().Match(normalizedText); m.Success; m = m.NextMatch())
        {
            var start = ResolveMonth(m.Groups["y1"].Value, m.Groups["ry1"].Value, m.Groups["m1"].Value, localNow, null);
            if (start is null) continue;
            DateTime? end = m.Groups["now"].Success
                ? new DateTime(localNow.Year, localNow.Month, 1)
                : ResolveMonth(m.Groups["y2"].Value, m.Groups["ry2"].Value, m.Groups["m2"].Value, localNow, start);
            if (end is not null && end <= start && m.Groups["m2"].Success && (m.Groups["y2"].Success || m.Groups["ry2"].Success || end == start))
            {
                // 十二月 去年十二月到今年二月: the month said again opens the range, so read on from it.
                m = Range().Match(normalizedText, new[] { m.Groups["y2"], m.Groups["ry2"], m.Groups["m2"] }.First(g => g.Success).Index);
                if (!m.Success) break;
                start = ResolveMonth(m.Groups["y1"].Value, m.Groups["ry1"].Value, m.Groups["m1"].Value, localNow, null);
                end = m.Groups["now"].Success
                    ? new DateTime(localNow.Year, localNow.Month, 1)
                    : ResolveMonth(m.Groups["y2"].Value, m.Groups["ry2"].Value, m.Groups["m2"].Value, localNow, start);
                if (start is null || end is null || end < start) continue;
            }
            if (end is null || end < start) continue;
            mentions.Add(ExtendedByListedMonths(new PeriodMention(FormatRange(start.Value, end.Value), m.Index, m.Length), normalizedText, end.Value));
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
        return mentions.OrderBy(p => p.Start).ToList();
    }

    /// <summary>Months listed one after another (六月 七月 八月) are one range, from the first to the last.</summary>
    private static PeriodMention ExtendedByListedMonths(PeriodMention range, string text, DateTime end)
    {
        var first = range.Value.Split('至')[0];
        var position = range.Start + range.Length;
        var last = end;
        for (var next = ListedMonth().Match(text, position); next.Success; next = ListedMonth().Match(text, position))
        {
            if (Number(next.Groups["m"].Value) != last.AddMonths(1).Month) break;
            last = last.AddMonths(1);
            position = next.Index + next.Length;
        }
        return last == end ? range
            : new PeriodMention($"{first}至{last.ToString("yyyy-MM", CultureInfo.InvariantCulture)}", range.Start, position - range.Start);
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

    [GeneratedRegex(@"\G[\s、,，]*(?:和|还有)?[\s、,，]*(?<m>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])月份?(?!\s*(?:到|至))")]
    private static partial Regex ListedMonth();

    [GeneratedRegex(@"(?<!\d)(?:近|最近|这|连续|整整|快)?(?:(?<n>\d{1,2}|[一二两三四五六七八九十]{1,3})(?:个多?月|(?<year>多?年))|(?<half>半)(?:个月|(?<year>年)))(?!份|底|初|前|级)")]
    private static partial Regex Duration();
}
