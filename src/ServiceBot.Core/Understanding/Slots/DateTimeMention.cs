namespace ServiceBot.Understanding.Slots;

/// <summary>How much of a date-time the user said.</summary>
public enum DateTimePrecision { Year, Month, Day, Minute, Second }

/// <summary>Where a date said without its year or week goes: the past (an accident) or the future (an appointment).</summary>
public enum DateLean { Past, Future }

/// <summary>
/// A date or time in text, resolved against the conversation's clock. <see cref="Value"/> is ISO 8601 at
/// the precision said: "2026-11-27T15:00:00+08:00", "2026-11-27", "2026-10" or "2026".
/// </summary>
public sealed record DateTimeMention(string Value, DateTimePrecision Precision, DateTime Local, int Start, int Length);
