using System.Globalization;
using ServiceBot.Localization;

namespace ServiceBot.Understanding.Slots;

/// <summary>
/// A day to come to an office: a whole date, not before today in the service's time zone, and a working day.
/// A refused date comes with the nearest working day that would pass, to offer as a quick reply.
/// </summary>
public static class AppointmentDateValidator
{
    private static readonly string[] ChineseWeekdayNames = ["周日", "周一", "周二", "周三", "周四", "周五", "周六"];

    public static SlotValidation Validate(DateTimeMention mention, DateOnly today, WorkingDayCalendar calendar)
    {
        if (mention.Precision is DateTimePrecision.Year or DateTimePrecision.Month)
            return SlotValidation.Invalid(BotText.Get(nameof(BotTexts.Validation_AppointmentDateNotSpecific)), mention.Value, Suggest(calendar.NextWorkingDay(today)));
        return Validate(DateOnly.FromDateTime(mention.Local), today, calendar);
    }

    public static SlotValidation Validate(DateOnly date, DateOnly today, WorkingDayCalendar calendar)
    {
        var iso = Iso(date);
        if (date < today)
            return SlotValidation.Invalid(BotText.Format(nameof(BotTexts.Validation_AppointmentDatePast), Readable(date), Readable(today)), iso,
                Suggest(calendar.NextWorkingDay(today)));
        var verdict = calendar.Check(date);
        if (!verdict.IsWorkingDay)
        {
            var next = calendar.NextWorkingDay(date);
            var reason = date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday
                ? BotText.Format(nameof(BotTexts.Validation_AppointmentWeekend), Suggest(date), WeekdayName(date), Readable(next))
                // The holiday's name (国庆节假期) is Chinese; the English text leaves it out.
                : BotText.Format(nameof(BotTexts.Validation_AppointmentHoliday), Suggest(date), verdict.ClosedBecause, Readable(next));
            return SlotValidation.Invalid(reason, iso, Suggest(next));
        }
        return SlotValidation.Valid(iso);
    }

    /// <summary>2026年12月7日（周一） / Monday, 7 December 2026, in the turn's language.</summary>
    public static string Readable(DateOnly date)
        => BotText.Format(nameof(BotTexts.Format_DateWithWeekday), Suggest(date), WeekdayName(date));

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    // Read back by the date extractor whatever the day it is said on: the year makes it unambiguous.
    private static string Suggest(DateOnly date) => date.ToString(BotText.Get(nameof(BotTexts.Format_Date)), CultureInfo.InvariantCulture);

    private static string WeekdayName(DateOnly date)
        => BotLanguages.IsEnglish ? CultureInfo.InvariantCulture.DateTimeFormat.GetDayName(date.DayOfWeek) : ChineseWeekdayNames[(int)date.DayOfWeek];
}
