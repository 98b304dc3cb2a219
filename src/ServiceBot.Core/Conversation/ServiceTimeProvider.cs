namespace ServiceBot.Conversation;

/// <summary>
/// A clock that reads local times in the service's time zone, Asia/Shanghai, whatever the host's zone: a caller's
/// 昨天下午三点 is Beijing time even on a server that runs in UTC.
/// </summary>
public sealed class ServiceTimeProvider(TimeProvider inner) : TimeProvider
{
    public const string TimeZoneId = "Asia/Shanghai";

    /// <summary>Asia/Shanghai from the host's time-zone database, or a fixed UTC+8 zone (China has no daylight saving) without one.</summary>
    public static TimeZoneInfo ServiceTimeZone { get; } = FindServiceTimeZone();

    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow();

    public override TimeZoneInfo LocalTimeZone => ServiceTimeZone;

    public override long GetTimestamp() => inner.GetTimestamp();

    public override long TimestampFrequency => inner.TimestampFrequency;

    private static TimeZoneInfo FindServiceTimeZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return TimeZoneInfo.CreateCustomTimeZone(TimeZoneId, TimeSpan.FromHours(8), TimeZoneId, TimeZoneId);
        }
    }
}
