using System.Collections.Concurrent;
using ServiceBot.Retrieval.Evaluation;

namespace ServiceBot.Benchmarks.Turns;

/// <summary>
/// Untimed warm-up before any measurement: whole passes of every dialogue (each virtual user runs one round of all of
/// them, so every path of the engine, the sandbox submission included, runs many times at the measured concurrency),
/// repeated until the pass latency settles. Tiered compilation recompiles hot methods in the background some time
/// after their first calls, so a fixed handful of turns leaves the JIT at work during the measurement.
/// </summary>
internal static class TurnWarmup
{
    private const int MinimumPasses = 3;
    private const int MaximumPasses = 10;

    // Settled: the pass median moved by less than this fraction since the previous pass.
    private const double Settled = 0.15;

    public static async Task RunAsync(HttpClient client, int users, string label)
    {
        // One user alone first: the cold paths (JIT, index, SQLite files) are not raced by the others.
        await TurnBenchmark.RunDialoguesAsync(() => client, $"warmup-{label}-cold", 1, TimeSpan.FromMinutes(2), [], []);
        var medians = new List<double>();
        var turns = 0;
        for (var pass = 0; pass < MaximumPasses; pass++)
        {
            var latencies = new ConcurrentBag<double>();
            await Task.WhenAll(Enumerable.Range(0, users).Select(user => Task.Run(() => TurnBenchmark.RunDialoguesAsync(
                () => client, $"warmup-{label}-{pass}-{user}", 1, TimeSpan.FromMinutes(2), latencies, []))));
            turns += latencies.Count;
            medians.Add(LatencySummary.From(latencies).P50);
            if (medians.Count >= MinimumPasses && Math.Abs(medians[^1] - medians[^2]) <= Settled * medians[^2]) break;
        }
        Console.Error.WriteLine($"warm-up ({label}): {medians.Count} passes, {turns} turns untimed; pass p50 (ms): "
            + string.Join(", ", medians.Select(m => m.ToString("F1", System.Globalization.CultureInfo.InvariantCulture))));
    }
}
