using System.Text.Json;

namespace ServiceBot.Benchmarks.Scaling;

/// <summary>What one <c>scaling-worker</c> process measured; it prints this as one JSON line on stdout.</summary>
/// <param name="PeakResidentBytes"><c>VmHWM</c> at the end of the process.</param>
/// <param name="ResidentBytes"><c>VmRSS</c> at the end, after a full garbage collection.</param>
/// <param name="Twins">Clauses that ServiceBot found to be near-duplicates of an earlier one (0 for Lucene.Net).</param>
public sealed record WorkerResult(
    string Engine,
    string Mode,
    int Documents,
    double Seconds,
    long PeakResidentBytes,
    long ResidentBytes,
    long IndexBytes,
    double P50,
    double P99,
    double RecallAt10,
    double RecallAt100,
    int Twins = 0)
{
    /// <summary>R@10 where a hit's listed twins count as found at its rank (what a reader of the results sees).</summary>
    public double RecallAt10WithTwins { get; init; }

    public static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public string ToJsonLine() => JsonSerializer.Serialize(this, Json);

    public static WorkerResult Parse(string line) =>
        JsonSerializer.Deserialize<WorkerResult>(line, Json) ?? throw new InvalidDataException($"not a worker result: {line}");
}
