using System.Globalization;

namespace ServiceBot.Understanding.Slots;

/// <summary>
/// A day to come to an office: a whole date, not before today in the service's time zone, and a working day.
/// A refused date comes with the nearest working day that would pass, to offer as a quick reply.
/// </summary>
public static class AppointmentDateValidator
{
    private static readonly string[] WeekdayNames = ["周日", "周一", "周二", "周三", "周四", "周五", "周六"];

    public static SlotValidation Validate(DateTimeMention mention, DateOnly today, WorkingDayCalendar calendar)
    {
        if (mention.Precision is DateTimePrecision.Year or DateTimePrecision.Month)
            return SlotValidation.Invalid("请说出具体哪一天，例如“下周一”或“12月3日”", mention.Value, Suggest(calendar.NextWorkingDay(today)));
        return Validate(DateOnly.FromDateTime(mention.Local), today, calendar);
    }

    public static SlotValidation Validate(DateOnly date, DateOnly today, WorkingDayCalendar calendar)
    {
        var iso = Iso(date);
        if (date < today)
            return SlotValidation.Invalid($"{Readable(date)}已经过去了，请选择今天（{Readable(today)}）或以后的工作日", iso, Suggest(calendar.NextWorkingDay(today)));
        var verdict = calendar.Check(date);
        if (!verdict.IsWorkingDay)
        {
            var next = calendar.NextWorkingDay(date);
            var closed = verdict.ClosedBecause is "周六" or "周日" ? $"是{verdict.ClosedBecause}，{verdict.ClosedBecause}不办公" : $"是{verdict.ClosedBecause}，假期不办公";
            return SlotValidation.Invalid($"{Suggest(date)}{closed}，最近的工作日是{Readable(next)}", iso, Suggest(next));
        }
        return SlotValidation.Valid(iso);
    }

    /// <summary>2026年12月7日（周一）.</summary>
    public static string Readable(DateOnly date)
        => date.ToString("yyyy年M月d日", CultureInfo.InvariantCulture) + "（" + WeekdayNames[(int)date.DayOfWeek] + "）";

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    // Read back by the date extractor whatever the day it is said on: the year makes it unambiguous.
    private static string Suggest(DateOnly date) => date.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);
}
