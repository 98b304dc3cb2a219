using System.Globalization;
using System.Text.RegularExpressions;

namespace ServiceBot.Understanding.Slots;

/// <summary>
/// Chinese dates and times (昨天下午三点, 上周五, 上个月15号, 3月5日下午2点, 2026-10-03 14:00, 刚才) resolved
/// against the conversation's clock in the provider's local time zone. Incomplete dates lean to the
/// past (3月5日 said in February means last March) because the slots that use them — an accident
/// time, a wage period — are in the past; an appointment asks for <see cref="DateLean.Future"/> instead.
/// </summary>
public sealed partial class ChineseDateTimeExtractor(TimeProvider clock)
{
    public TimeProvider Clock { get; } = clock;

    /// <summary>Mentions in <paramref name="normalizedText"/> resolved against the clock's current local time.</summary>
    public IReadOnlyList<DateTimeMention> FindAll(string normalizedText) => FindAll(normalizedText, Clock.GetUtcNow());

    /// <summary>Mentions resolved against <paramref name="now"/>, seen in the clock's local time zone.</summary>
    public IReadOnlyList<DateTimeMention> FindAll(string normalizedText, DateTimeOffset now) => FindAll(normalizedText, now, DateLean.Past);

    /// <summary>Mentions resolved against <paramref name="now"/>; <paramref name="lean"/> says which way an incomplete date goes.</summary>
    public IReadOnlyList<DateTimeMention> FindAll(string normalizedText, DateTimeOffset now, DateLean lean)
    {
        var zone = Clock.LocalTimeZone;
        var localNow = TimeZoneInfo.ConvertTime(now, zone).DateTime;
        var mentions = new List<DateTimeMention>();
        // Every part of the pattern is optional, so it matches empty at almost every position: those are skipped
        // without a Match object each, and only a real mention is matched again (the same leftmost match) for its groups.
        foreach (var found in Pattern().EnumerateMatches(normalizedText))
        {
            if (found.Length == 0) continue;
            var match = Pattern().Match(normalizedText, found.Index);
            if (!IsSubstantial(match)) continue;
            if (Resolve(match, localNow, lean) is not { } resolved) continue;
            var (local, precision) = resolved;
            mentions.Add(new DateTimeMention(Format(local, precision, zone), precision, local, match.Index, match.Length));
        }
        return mentions;
    }

    private static string Format(DateTime local, DateTimePrecision precision, TimeZoneInfo zone) => precision switch
    {
        DateTimePrecision.Year => local.ToString("yyyy", CultureInfo.InvariantCulture),
        DateTimePrecision.Month => local.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        DateTimePrecision.Day => local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => new DateTimeOffset(local, zone.GetUtcOffset(local)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
    };

    // A bare Chinese hour (三点) is too often not a time (一点点, 有点): it needs a date, a part of the day or minutes.
    private static bool IsSubstantial(Match m)
    {
        var hasDate = m.Groups["iso"].Success || m.Groups["year"].Success || m.Groups["relyear"].Success || m.Groups["month"].Success
            || m.Groups["relmonth"].Success || m.Groups["day"].Success || m.Groups["relday"].Success || m.Groups["wd"].Success;
        if (hasDate || m.Groups["justnow"].Success || m.Groups["period"].Success) return true;
        if (!m.Groups["hour"].Success) return false;
        return char.IsAsciiDigit(m.Groups["hour"].Value[0]) || m.Groups["half"].Success || m.Groups["quarter"].Success || m.Groups["minute"].Success;
    }

    private static (DateTime Local, DateTimePrecision Precision)? Resolve(Match m, DateTime now, DateLean lean)
    {
        if (m.Groups["justnow"].Success)
            return (new DateTime(now.Year, now.Month, now.Day, now.Hour, now.Minute, now.Second, DateTimeKind.Unspecified), DateTimePrecision.Second);

        DateTime date;
        var precision = DateTimePrecision.Day;
        var explicitDate = true;
        var period = m.Groups["period"].Value;
        if (m.Groups["iso"].Success)
        {
            if (!TryDate(Number(m.Groups["iy"].Value), Number(m.Groups["im"].Value), Number(m.Groups["id"].Value), out date)) return null;
        }
        else if (m.Groups["relday"].Success)
        {
            var word = m.Groups["relday"].Value;
            date = now.Date.AddDays(RelativeDays(word));
            if (word.EndsWith('晚') && period.Length == 0) period = "晚上";
            if (word == "今早" && period.Length == 0) period = "早上";
        }
        else if (m.Groups["wd"].Success)
        {
            var weekday = m.Groups["wd"].Value is "日" or "天" or "7" ? 7 : Number(m.Groups["wd"].Value);
            var monday = now.Date.AddDays(-(((int)now.DayOfWeek + 6) % 7));
            var offsetWeeks = m.Groups["weekrel"].Value switch { "上上" => -2, "上" => -1, "下" => 1, _ => 0 };
            date = monday.AddDays(offsetWeeks * 7 + weekday - 1);
            if (!m.Groups["weekrel"].Success && lean == DateLean.Past && date > now.Date) date = date.AddDays(-7);
            if (!m.Groups["weekrel"].Success && lean == DateLean.Future && date < now.Date) date = date.AddDays(7);
        }
        else if (m.Groups["year"].Success || m.Groups["relyear"].Success || m.Groups["month"].Success
                 || m.Groups["relmonth"].Success || m.Groups["day"].Success)
        {
            if (ResolveCalendarDate(m, now, lean) is not { } calendar) return null;
            (date, precision) = calendar;
        }
        else
        {
            date = now.Date;
            explicitDate = false;
        }

        if (!m.Groups["hour"].Success) return (date, precision);
        if (precision != DateTimePrecision.Day) return null;
        var hour = Number(m.Groups["hour"].Value);
        var minute = m.Groups["half"].Success ? 30
            : m.Groups["quarter"].Success ? (m.Groups["quarter"].Value == "一" ? 15 : 45)
            : m.Groups["minute"].Success ? Number(m.Groups["minute"].Value) : 0;
        if (hour is < 0 or > 24 || minute is < 0 or > 59) return null;
        hour = AdjustForPartOfDay(hour, period);
        if (hour == 24) { hour = 0; date = date.AddDays(1); }
        var local = date.AddHours(hour).AddMinutes(minute);
        // "晚上8点" said at ten in the morning happened yesterday evening.
        if (!explicitDate && local > now) local = local.AddDays(-1);
        return (local, DateTimePrecision.Minute);
    }

    private static (DateTime Date, DateTimePrecision Precision)? ResolveCalendarDate(Match m, DateTime now, DateLean lean)
    {
        int? year = m.Groups["year"].Success ? Number(m.Groups["year"].Value)
            : m.Groups["relyear"].Success ? now.Year + RelativeYears(m.Groups["relyear"].Value) : null;
        int? month = m.Groups["month"].Success ? Number(m.Groups["month"].Value) : null;
        if (m.Groups["relmonth"].Success)
        {
            var shifted = new DateTime(now.Year, now.Month, 1).AddMonths(RelativeMonths(m.Groups["relmonth"].Value));
            (year, month) = (shifted.Year, shifted.Month);
        }
        int? day = m.Groups["day"].Success ? Number(m.Groups["day"].Value) : null;
        if (month is null && day is null) return year is { } y and >= 1900 and <= 2200 ? (new DateTime(y, 1, 1), DateTimePrecision.Year) : null;
        if (month is null)
        {
            // 15号 alone: this month, or last month when the 15th has not come yet.
            var candidate = TryDate(year ?? now.Year, now.Month, day!.Value, out var d) ? d : DateTime.MaxValue;
            var wrongSide = lean == DateLean.Past ? candidate > now.Date : candidate < now.Date;
            if (wrongSide && year is null)
            {
                var other = new DateTime(now.Year, now.Month, 1).AddMonths(lean == DateLean.Past ? -1 : 1);
                return TryDate(other.Year, other.Month, day.Value, out d) ? (d, DateTimePrecision.Day) : null;
            }
            return candidate == DateTime.MaxValue ? null : (candidate, DateTimePrecision.Day);
        }
        if (month is < 1 or > 12) return null;
        var resolvedYear = year ?? now.Year;
        if (day is null)
        {
            if (year is null && lean == DateLean.Past && month > now.Month) resolvedYear--;
            if (year is null && lean == DateLean.Future && month < now.Month) resolvedYear++;
            return (new DateTime(resolvedYear, month.Value, 1), DateTimePrecision.Month);
        }
        if (!TryDate(resolvedYear, month.Value, day.Value, out var date)) return null;
        if (year is null && lean == DateLean.Past && date > now.Date && TryDate(resolvedYear - 1, month.Value, day.Value, out var lastYear)) date = lastYear;
        if (year is null && lean == DateLean.Future && date < now.Date && TryDate(resolvedYear + 1, month.Value, day.Value, out var nextYear)) date = nextYear;
        return (date, DateTimePrecision.Day);
    }

    private static int AdjustForPartOfDay(int hour, string period) => period switch
    {
        "下午" or "午后" or "傍晚" or "晚上" or "晚间" when hour < 12 => hour + 12,
        "夜里" or "夜间" or "深夜" when hour is >= 6 and < 12 => hour + 12,
        "中午" when hour < 3 => hour + 12,
        "凌晨" or "半夜" when hour == 12 => 0,
        _ => hour,
    };

    private static int RelativeDays(string word) => word switch
    {
        "大前天" => -3,
        "前天" => -2,
        "昨天" or "昨日" or "昨儿" or "昨晚" => -1,
        "明天" or "明日" => 1,
        "后天" => 2,
        _ => 0,
    };

    private static int RelativeYears(string word) => word switch { "去年" => -1, "前年" => -2, "明年" => 1, _ => 0 };

    private static int RelativeMonths(string word) => word.Replace("个", "") switch
    {
        "上上月" => -2,
        "上月" => -1,
        "下月" => 1,
        _ => 0,
    };

    private static bool TryDate(int year, int month, int day, out DateTime date)
    {
        date = default;
        if (year is < 1900 or > 2200 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
        date = new DateTime(year, month, day);
        return true;
    }

    private static int Number(string text)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n)) return n;
        return ChineseNumber.TryParse(text, out var value) ? (int)value : -1;
    }

    [GeneratedRegex("""
        (?<justnow>刚才|刚刚|方才)
        |
        (?:
          (?<iso>(?<iy>\d{4})[-/.](?<im>\d{1,2})[-/.](?<id>\d{1,2})(?![\d.])[日号]?)
          |
          (?:(?<year>\d{4})年|(?<relyear>今年|去年|前年|明年))?
          (?:(?<month>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])月份?|(?<relmonth>上上个?月|上个?月|这个?月|本月|下个?月))?
          (?:(?<day>3[01]|[12]\d|0?[1-9]|[一二]?十[一二三四五六七八九]?|三十一?|[一二三四五六七八九])[日号](?![楼线院门位码窗床]))?
          (?:(?<relday>大前天|前天|昨天|昨日|昨儿|昨晚|今天|今日|今儿|今早|今晚|明天|明日|后天)
            |(?<weekrel>上上|上|这|本|下)?个?(?:周|星期|礼拜)(?<wd>[一二三四五六日天1-7]))?
        )
        \s*(?<period>凌晨|清晨|早上|早晨|上午|中午|午后|下午|傍晚|晚上|晚间|夜里|夜间|半夜|深夜)?
        \s*(?:大概|大约|差不多|将近)?
        \s*(?:(?<hour>[01]?\d|2[0-4]|[零一二两三四五六七八九十]{1,3})(?:点|时|:)
              (?:(?<half>半)(?!会|晌)|(?<quarter>[一三])刻|(?<minute>[0-5]\d|[0-9](?!\d)|[零一二三四五六七八九十]{1,3})分?)?钟?)?
        """, RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex Pattern();
}
