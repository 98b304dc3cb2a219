namespace ServiceBot.Conversation;

/// <summary>
/// A clock that reads local times in the service's time zone (<see cref="ConversationOptions.TimeZone"/>, Asia/Shanghai by
/// default), whatever the host's zone: a caller's 昨天下午三点 is Beijing time even on a server that runs in UTC.
/// </summary>
public sealed class ServiceTimeProvider(TimeProvider inner, TimeZoneInfo? zone = null) : TimeProvider
{
    public const string TimeZoneId = "Asia/Shanghai";

    /// <summary>Asia/Shanghai from the host's time-zone database, or a fixed UTC+8 zone (China has no daylight saving) without one.</summary>
    public static TimeZoneInfo ServiceTimeZone { get; } = FindTimeZone(TimeZoneId) ?? TimeZoneInfo.CreateCustomTimeZone(TimeZoneId, TimeSpan.FromHours(8), TimeZoneId, TimeZoneId);

    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow();

    public override TimeZoneInfo LocalTimeZone { get; } = zone ?? ServiceTimeZone;

    public override long GetTimestamp() => inner.GetTimestamp();

    public override long TimestampFrequency => inner.TimestampFrequency;

    /// <summary>The zone named by an IANA or Windows id; Asia/Shanghai even without a time-zone database; null when unknown.</summary>
    public static TimeZoneInfo? FindTimeZone(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return id == TimeZoneId ? ServiceTimeZone : null;
        }
    }
}
