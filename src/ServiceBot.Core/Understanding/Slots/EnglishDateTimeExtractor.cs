using System.Globalization;
using System.Text.RegularExpressions;

namespace ServiceBot.Understanding.Slots;

/// <summary>
/// English dates and times (tomorrow, next Monday, December 3, 3 Dec 2026, the 3rd of December, last month, yesterday at
/// 3 pm) resolved against the conversation's clock in its local time zone; ISO dates are left to
/// <see cref="ChineseDateTimeExtractor"/>, which reads them first. English says whether a date is ahead or behind
/// (next, last); a bare day or weekday goes where the slot leans (<see cref="DateLean"/>: an appointment ahead, an
/// accident behind), and without a lean to the nearest one: "December 3" said on November 30 is three days ahead, said
/// on December 10 a week ago. A bare month ("in October") is a past month, as a wage period is.
/// </summary>
public sealed partial class EnglishDateTimeExtractor(TimeProvider clock)
{
    private static readonly string[] MonthNames =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    private static readonly string[] WeekdayNames = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

    /// <summary>Mentions in <paramref name="normalizedText"/> (lower case) resolved against <paramref name="now"/>.</summary>
    /// <param name="lean">Where a date without its year or week goes; null for the nearest.</param>
    public IReadOnlyList<DateTimeMention> FindAll(string normalizedText, DateTimeOffset now, DateLean? lean = null)
    {
        var zone = clock.LocalTimeZone;
        var localNow = TimeZoneInfo.ConvertTime(now, zone).DateTime;
        var mentions = new List<DateTimeMention>();
        foreach (Match match in Pattern().Matches(normalizedText))
        {
            if (Resolve(match, localNow, lean) is not var (date, precision)) continue;
            if (TimeOfDay(match) is { } time)
            {
                date = date.Date + time;
                precision = DateTimePrecision.Minute;
            }
            var value = precision switch
            {
                DateTimePrecision.Month => date.ToString("yyyy-MM", CultureInfo.InvariantCulture),
                DateTimePrecision.Day => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                _ => new DateTimeOffset(date, zone.GetUtcOffset(date)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
            };
            mentions.Add(new DateTimeMention(value, precision, date, match.Index, match.Length));
        }
        return mentions;
    }

    private static (DateTime Date, DateTimePrecision Precision)? Resolve(Match m, DateTime now, DateLean? lean)
    {
        var today = now.Date;
        if (m.Groups["rel"].Success)
            return (today.AddDays(m.Groups["rel"].Value switch
            {
                "the day after tomorrow" or "day after tomorrow" => 2,
                "tomorrow" => 1,
                "yesterday" => -1,
                "the day before yesterday" or "day before yesterday" => -2,
                _ => 0,
            }), DateTimePrecision.Day);
        if (m.Groups["wd"].Success)
        {
            var weekday = Array.IndexOf(WeekdayNames, m.Groups["wd"].Value);
            var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
            var date = m.Groups["wrel"].Value switch
            {
                "next" => monday.AddDays(7 + weekday),
                "last" => monday.AddDays(-7 + weekday),
                "this" => monday.AddDays(weekday),
                "coming" => today.AddDays((weekday - ((int)today.DayOfWeek + 6) % 7 + 6) % 7 + 1),
                _ => Pick(today, Enumerable.Range(-7, 15).Select(d => today.AddDays(d)).Where(d => ((int)d.DayOfWeek + 6) % 7 == weekday), lean),
            };
            return (date, DateTimePrecision.Day);
        }
        if (m.Groups["mrel"].Success)
        {
            var first = new DateTime(now.Year, now.Month, 1).AddMonths(m.Groups["mrel"].Value switch { "last" => -1, "next" => 1, _ => 0 });
            return (first, DateTimePrecision.Month);
        }
        if (m.Groups["mon3"].Success)
        {
            var month = MonthOf(m.Groups["mon3"].Value);
            var year = m.Groups["y3"].Success ? int.Parse(m.Groups["y3"].Value, CultureInfo.InvariantCulture)
                : month > now.Month ? now.Year - 1 : now.Year;
            return (new DateTime(year, month, 1), DateTimePrecision.Month);
        }
        var monthName = m.Groups["mon1"].Success ? m.Groups["mon1"].Value : m.Groups["mon2"].Value;
        var dayText = m.Groups["d1"].Success ? m.Groups["d1"].Value : m.Groups["d2"].Value;
        var yearText = m.Groups["y1"].Success ? m.Groups["y1"].Value : m.Groups["y2"].Value;
        var (monthNumber, day) = (MonthOf(monthName), int.Parse(dayText, CultureInfo.InvariantCulture));
        if (yearText.Length > 0)
            return TryDate(int.Parse(yearText, CultureInfo.InvariantCulture), monthNumber, day) is { } exact ? (exact, DateTimePrecision.Day) : null;
        var candidates = new[] { now.Year - 1, now.Year, now.Year + 1 }.Select(y => TryDate(y, monthNumber, day)).OfType<DateTime>().ToList();
        return candidates.Count == 0 ? null : (Pick(today, candidates, lean), DateTimePrecision.Day);
    }

    /// <summary>
    /// Of the possible dates, the nearest on the side <paramref name="lean"/> names (today counts on either side); without a
    /// lean, the nearest of all, and of two equally close the later.
    /// </summary>
    private static DateTime Pick(DateTime today, IEnumerable<DateTime> dates, DateLean? lean)
    {
        var side = dates.Where(d => lean switch { DateLean.Future => d >= today, DateLean.Past => d <= today, _ => true }).ToList();
        var pool = side.Count > 0 ? side : dates.ToList();
        return pool.OrderBy(d => Math.Abs((d - today).TotalDays)).ThenByDescending(d => d).First();
    }

    private static TimeSpan? TimeOfDay(Match m)
    {
        if (m.Groups["h"].Success)
        {
            var hour = int.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture);
            var minute = m.Groups["mi"].Success ? int.Parse(m.Groups["mi"].Value, CultureInfo.InvariantCulture) : 0;
            if (hour is < 1 or > 12 || minute > 59) return null;
            var pm = m.Groups["ap"].Value.StartsWith('p');
            return new TimeSpan(hour % 12 + (pm ? 12 : 0), minute, 0);
        }
        if (m.Groups["h24"].Success)
        {
            var hour = int.Parse(m.Groups["h24"].Value, CultureInfo.InvariantCulture);
            var minute = int.Parse(m.Groups["mi24"].Value, CultureInfo.InvariantCulture);
            return hour <= 23 && minute <= 59 ? new TimeSpan(hour, minute, 0) : null;
        }
        return null;
    }

    private static int MonthOf(string name)
        => Array.FindIndex(MonthNames, n => n.StartsWith(name.TrimEnd('.'), StringComparison.Ordinal)) + 1;

    private static DateTime? TryDate(int year, int month, int day)
        => month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month) ? new DateTime(year, month, day) : null;

    private const string Months = "january|february|march|april|may|june|july|august|september|october|november|december"
        + "|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec";

    // "may" alone is a verb far more often than a month: a bare month must be spelt out and is never "may" without a year.
    [GeneratedRegex(@"(?<![a-z0-9])(?:"
        + @"(?<rel>the day after tomorrow|day after tomorrow|the day before yesterday|day before yesterday|today|tonight|tomorrow|yesterday)"
        + @"|(?:(?<wrel>next|this|last|coming)\s+)?(?<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
        + @"|(?<mon1>" + Months + @")\.?\s+(?<d1>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?<y1>\d{4}))?"
        + @"|(?:the\s+)?(?<d2>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?<mon2>" + Months + @")\.?(?:,?\s+(?<y2>\d{4}))?"
        + @"|(?<mrel>last|this|next)\s+month"
        + @"|(?<mon3>january|february|march|april|june|july|august|september|october|november|december|may(?=\s+\d{4}))(?:\s+(?<y3>\d{4}))?"
        + @")(?:,?\s*(?:at\s+)?(?<h>\d{1,2})(?::(?<mi>\d{2}))?\s*(?<ap>am|pm|a\.m\.|p\.m\.)|,?\s*(?:at\s+)?(?<h24>\d{1,2}):(?<mi24>\d{2}))?(?![a-z0-9])")]
    private static partial Regex Pattern();
}
