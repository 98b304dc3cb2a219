using System.Globalization;

namespace ServiceBot.Understanding.Slots;

/// <summary>Whether offices open on a day, and why not when they do not.</summary>
public sealed record WorkingDayVerdict(bool IsWorkingDay, string? ClosedBecause);

/// <summary>
/// Working days in mainland China: Monday to Friday, minus the public holidays, plus the weekend days worked in
/// exchange (调休). The holidays of each year are published by the State Council and kept in
/// knowledge/calendar/public-holidays.txt; a year not in the file counts weekends only.
/// </summary>
public sealed class WorkingDayCalendar
{
    private const int LongestSearch = 60;

    private readonly Dictionary<DateOnly, string> _holidays;
    private readonly Dictionary<DateOnly, string> _makeupWorkdays;
    private readonly HashSet<int> _years;

    public WorkingDayCalendar(IReadOnlyDictionary<DateOnly, string> holidays, IReadOnlyDictionary<DateOnly, string> makeupWorkdays, IEnumerable<int> years)
    {
        _holidays = new Dictionary<DateOnly, string>(holidays);
        _makeupWorkdays = new Dictionary<DateOnly, string>(makeupWorkdays);
        _years = [.. years];
    }

    private static readonly Lazy<WorkingDayCalendar> Embedded = new(() => Parse(UnderstandingData.ReadCalendar("public-holidays.txt")));

    /// <summary>The calendar embedded in the assembly.</summary>
    public static WorkingDayCalendar Default => Embedded.Value;

    /// <summary>True when the holidays of <paramref name="year"/> are known, not just its weekends.</summary>
    public bool Covers(int year) => _years.Contains(year);

    public WorkingDayVerdict Check(DateOnly date)
    {
        if (_makeupWorkdays.ContainsKey(date)) return new WorkingDayVerdict(true, null);
        if (_holidays.TryGetValue(date, out var holiday)) return new WorkingDayVerdict(false, $"{holiday}假期");
        return date.DayOfWeek switch
        {
            DayOfWeek.Saturday => new WorkingDayVerdict(false, "周六"),
            DayOfWeek.Sunday => new WorkingDayVerdict(false, "周日"),
            _ => new WorkingDayVerdict(true, null),
        };
    }

    /// <summary>The first working day on or after <paramref name="from"/>.</summary>
    public DateOnly NextWorkingDay(DateOnly from)
    {
        var day = from;
        for (var i = 0; i < LongestSearch && !Check(day).IsWorkingDay; i++) day = day.AddDays(1);
        return day;
    }

    /// <summary>Reads lines "2026-10-01..2026-10-07 休 国庆节", "2026-10-10 班 国庆节调休" and "year 2026".</summary>
    public static WorkingDayCalendar Parse(string text)
    {
        var holidays = new Dictionary<DateOnly, string>();
        var workdays = new Dictionary<DateOnly, string>();
        var years = new List<int>();
        foreach (var (line, number) in UnderstandingData.ContentLines(text))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts is ["year", var year]) { years.Add(int.Parse(year, CultureInfo.InvariantCulture)); continue; }
            if (parts is not [var range, var kind and ("休" or "班"), var name])
                throw new FormatException($"calendar line {number}: expected \"date[..date] 休|班 name\", got \"{line}\"");
            var ends = range.Split("..");
            var first = ParseDate(ends[0], number);
            var last = ends.Length > 1 ? ParseDate(ends[1], number) : first;
            for (var day = first; day <= last; day = day.AddDays(1))
                (kind == "休" ? holidays : workdays)[day] = name;
        }
        return new WorkingDayCalendar(holidays, workdays, years);
    }

    private static DateOnly ParseDate(string text, int line)
        => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new FormatException($"calendar line {line}: \"{text}\" is not a yyyy-MM-dd date");
}
