using System.Globalization;
using ServiceBot.Server.Http;

namespace ServiceBot.Server.Staff.Admin.Insight;

/// <summary>
/// The <c>from</c> and <c>to</c> query of the dashboard and the audit export: days (YYYY-MM-DD) in the service's zone,
/// both inclusive. Left out, <c>to</c> is today and <c>from</c> six days before it.
/// </summary>
public readonly record struct AdminPeriod(DateOnly From, DateOnly To)
{
    public const int DefaultDays = 7;

    /// <summary>The first instant of <see cref="From"/> and the first instant after <see cref="To"/>, in <paramref name="zone"/>.</summary>
    public (DateTimeOffset Start, DateTimeOffset End) Instants(TimeZoneInfo zone) => (StartOf(From, zone), StartOf(To.AddDays(1), zone));

    private static DateTimeOffset StartOf(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    /// <returns>The period, or a 400 problem naming what is wrong.</returns>
    public static (AdminPeriod? Period, IResult? Problem) Parse(string? from, string? to, TimeProvider clock, int maxDays)
    {
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        if (!TryDay(to, today, out var last)) return (null, Invalid("to", "to 须为 YYYY-MM-DD 格式的日期。"));
        if (!TryDay(from, last.AddDays(1 - DefaultDays), out var first)) return (null, Invalid("from", "from 须为 YYYY-MM-DD 格式的日期。"));
        if (first > last) return (null, Invalid("from", "from 不能晚于 to。"));
        if (last.DayNumber - first.DayNumber + 1 > maxDays) return (null, Invalid("from", $"查询区间不能超过 {maxDays} 天。"));
        return (new AdminPeriod(first, last), null);
    }

    private static bool TryDay(string? text, DateOnly fallback, out DateOnly day)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            day = fallback;
            return true;
        }
        return DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
    }

    private static IResult Invalid(string field, string message) => ApiProblems.Invalid(new Dictionary<string, string[]> { [field] = [message] });
}
