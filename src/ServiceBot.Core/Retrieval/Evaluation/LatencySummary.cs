namespace ServiceBot.Retrieval.Evaluation;

/// <summary>Latency distribution of a batch of queries, in milliseconds.</summary>
public sealed record LatencySummary(int Count, double P50, double P99, double Mean)
{
    public static LatencySummary From(IEnumerable<double> milliseconds)
    {
        var sorted = milliseconds.ToArray();
        if (sorted.Length == 0) throw new ArgumentException("at least one latency is required", nameof(milliseconds));
        Array.Sort(sorted);
        return new LatencySummary(sorted.Length, Percentile(sorted, 50), Percentile(sorted, 99), sorted.Average());
    }

    /// <summary>Nearest-rank percentile: the smallest value with at least p% of the values at or below it.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double percent)
    {
        if (sorted.Count == 0) throw new ArgumentException("at least one value is required", nameof(sorted));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(percent);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percent, 100);
        // Multiply before dividing so whole-number cases stay exact (99 * 100 / 100 is 99, not 99.00000000000001).
        var rank = (int)Math.Ceiling(percent * sorted.Count / 100);
        return sorted[Math.Clamp(rank, 1, sorted.Count) - 1];
    }
}
