using System.Runtime.InteropServices;

namespace ServiceBot.Benchmarks.Retrieval;

/// <summary>
/// CPU time of the calling thread. Unlike wall time it leaves out waiting for a core, so on a loaded machine it
/// still tells how much work a query was; Linux only (elsewhere <see cref="IsAvailable"/> is false).
/// </summary>
internal static class ThreadCpuClock
{
    private const int ClockThreadCpuTimeId = 3;

    public static bool IsAvailable { get; } = OperatingSystem.IsLinux() && TryRead(out _);

    /// <summary>Milliseconds of CPU the calling thread has used; NaN where the clock is not available.</summary>
    public static double Milliseconds() => IsAvailable && TryRead(out var ms) ? ms : double.NaN;

    private static bool TryRead(out double milliseconds)
    {
        milliseconds = 0;
        if (clock_gettime(ClockThreadCpuTimeId, out var time) != 0) return false;
        milliseconds = time.Seconds * 1e3 + time.Nanoseconds / 1e6;
        return true;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int clock_gettime(int clock, out TimeSpec time);
}
