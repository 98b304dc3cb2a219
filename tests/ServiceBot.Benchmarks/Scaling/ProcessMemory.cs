using System.Globalization;

namespace ServiceBot.Benchmarks.Scaling;

/// <summary>This process's memory as Linux reports it in <c>/proc/self/status</c>.</summary>
public static class ProcessMemory
{
    /// <summary>Peak resident set size (<c>VmHWM</c>) in bytes.</summary>
    public static long PeakResidentBytes() => Read("VmHWM:");

    /// <summary>Current resident set size (<c>VmRSS</c>) in bytes.</summary>
    public static long ResidentBytes() => Read("VmRSS:");

    /// <summary>Collects garbage and returns freed pages to the OS, so what stays resident is what the process holds.</summary>
    public static void ReleaseGarbage()
    {
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }

    private static long Read(string key)
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal))
            ?? throw new PlatformNotSupportedException($"/proc/self/status has no {key} line; the scaling benchmark runs on Linux");
        return long.Parse(line[key.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
    }
}
