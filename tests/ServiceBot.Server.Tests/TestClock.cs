using System.Globalization;

namespace ServiceBot.Server.Tests;

/// <summary>
/// The system clock moved to a chosen instant. It keeps running from there, so timeouts and timers behave as
/// they would, while signed requests recorded at a fixed time (Tencent's published samples) stay fresh.
/// </summary>
public sealed class TestClock : TimeProvider
{
    public const long DefaultUnixSeconds = 1700000000;

    private long _offsetTicks;

    public TestClock(long unixSeconds = DefaultUnixSeconds) => SetNow(unixSeconds);

    public void SetNow(long unixSeconds) =>
        Interlocked.Exchange(ref _offsetTicks, (DateTimeOffset.FromUnixTimeSeconds(unixSeconds) - System.GetUtcNow()).Ticks);

    public void SetNow(string unixSeconds) => SetNow(long.Parse(unixSeconds, CultureInfo.InvariantCulture));

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));

    public override TimeZoneInfo LocalTimeZone => System.LocalTimeZone;
}
