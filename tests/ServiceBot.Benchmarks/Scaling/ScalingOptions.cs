using System.Globalization;
using ServiceBot.Benchmarks.Retrieval;

namespace ServiceBot.Benchmarks.Scaling;

/// <summary>Command-line options of the <c>scaling</c> benchmark.</summary>
public sealed record ScalingOptions
{
    public const string Usage = """
        usage: scaling [options]
          --scales LIST     pool multiples to measure, e.g. 1,2,4,8 (default)
          --queries N       evaluate only the first N judged dev queries (default: all)
          --engines LIST    comma-separated subset of: servicebot,lucene (default: both)
          --stard DIR       STARD folder (default: <repo>/../shared/datasets/stard)
          --top N           hits per query (default 100)
          --near-duplicates T  ServiceBot's near-duplicate threshold (default: the index default; 0 = no collapse)
          --json FILE       also write the measurements as JSON
        """;

    public IReadOnlyList<int> Scales { get; init; } = [1, 2, 4, 8];
    public int? Queries { get; init; }
    public IReadOnlyList<string> Engines { get; init; } = [EngineNames.ServiceBot, EngineNames.Lucene];
    public string? StardDirectory { get; init; }
    public int Top { get; init; } = 100;
    public string? JsonPath { get; init; }

    /// <summary>ServiceBot's near-duplicate threshold; null keeps the index default.</summary>
    public double? NearDuplicateThreshold { get; init; }

    /// <exception cref="ArgumentException">An option is unknown, lacks its value or has a bad value.</exception>
    public static ScalingOptions Parse(IReadOnlyList<string> args)
    {
        var options = new ScalingOptions();
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            options = args[i] switch
            {
                "--scales" => options with { Scales = ParseScales(Value()) },
                "--queries" => options with { Queries = ParseCount("--queries", Value()) },
                "--engines" => options with { Engines = ParseEngines(Value()) },
                "--stard" => options with { StardDirectory = Value() },
                "--top" => options with { Top = ParseCount("--top", Value()) },
                "--json" => options with { JsonPath = Value() },
                "--near-duplicates" => options with { NearDuplicateThreshold = ParseThreshold(Value()) },
                _ => throw new ArgumentException($"unknown option \"{args[i]}\""),
            };
        }
        return options;
    }

    public static int ParseCount(string name, string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1
            ? n
            : throw new ArgumentException($"{name} expects an integer >= 1, got \"{text}\"");

    public static double ParseThreshold(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
        && ServiceBot.Retrieval.Duplicates.NearDuplicateDetection.Problem(value) is null
            ? value
            : throw new ArgumentException($"--near-duplicates expects 0 (off) or a Jaccard threshold from {ServiceBot.Retrieval.Duplicates.NearDuplicateDetection.LowestThreshold} to 1, got \"{text}\"");

    private static List<int> ParseScales(string list)
    {
        var scales = list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => ParseCount("--scales", s)).Distinct().Order().ToList();
        return scales.Count > 0 ? scales : throw new ArgumentException("--scales needs at least one multiple, e.g. 1,2,4,8");
    }

    private static List<string> ParseEngines(string list)
    {
        var engines = list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(e => e.ToLowerInvariant()).Distinct().ToList();
        if (engines.Count == 0 || engines.Except([EngineNames.ServiceBot, EngineNames.Lucene]).Any())
            throw new ArgumentException($"--engines accepts servicebot,lucene; got \"{list}\"");
        return engines.OrderBy(e => e == EngineNames.Lucene).ToList();
    }
}
