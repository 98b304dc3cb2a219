using System.Globalization;

namespace ServiceBot.Benchmarks.Retrieval;

/// <summary>Command-line options of the <c>retrieval</c> benchmark.</summary>
public sealed record RetrievalBenchmarkOptions
{
    public const string Usage = """
        usage: retrieval [options]
          --stard DIR            STARD folder (default: <repo>/../shared/datasets/stard)
          --queries FILE         judged queries to run instead of the dev split (same JSONL shape)
          --limit-queries N      evaluate only the first N judged queries
          --split K/N            only part K of N of the queries, shuffled by --seed: a split neither engine was
                                 warmed or tuned on beforehand (e.g. --split 1/2 and --split 2/2 are disjoint halves)
          --seed S               shuffle for --split (default 1)
          --no-distractors       index corpus.jsonl only (fast, but not a realistic pool)
          --engines LIST         comma-separated subset of: servicebot,lucene (default: both)
          --lucene-title-field   index the law title as its own Lucene field instead of inside the body
          --warmup N             untimed queries per engine before measuring (default: one pass over every query)
          --top N                hits per query (default 100)
          --json FILE            also write the report as JSON
          --runs DIR             write one TREC run file per engine into DIR
        """;

    public string? StardDirectory { get; init; }
    public string? QueriesPath { get; init; }
    public int? LimitQueries { get; init; }
    public QuerySplit? Split { get; init; }
    public int Seed { get; init; } = 1;
    public bool IncludeDistractors { get; init; } = true;
    public IReadOnlyList<string> Engines { get; init; } = [EngineNames.ServiceBot, EngineNames.Lucene];
    public LuceneFieldLayout LuceneLayout { get; init; } = LuceneFieldLayout.Combined;
    /// <summary>Untimed queries before timing; null warms every engine with one full pass, as the CLI does.</summary>
    public int? Warmup { get; init; }
    public int Top { get; init; } = 100;
    public string? JsonPath { get; init; }
    public string? RunsDirectory { get; init; }

    /// <exception cref="ArgumentException">An option is unknown, lacks its value or has a bad value.</exception>
    public static RetrievalBenchmarkOptions Parse(IReadOnlyList<string> args)
    {
        var options = new RetrievalBenchmarkOptions();
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            int Count(int min)
            {
                var name = args[i];
                var text = Value();
                return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min
                    ? n
                    : throw new ArgumentException($"{name} expects an integer >= {min}, got \"{text}\"");
            }

            options = args[i] switch
            {
                "--stard" => options with { StardDirectory = Value() },
                "--queries" => options with { QueriesPath = Value() },
                "--limit-queries" or "--sample" => options with { LimitQueries = Count(1) },
                "--split" => options with { Split = QuerySplit.Parse(Value()) },
                "--seed" => options with { Seed = Count(0) },
                "--no-distractors" => options with { IncludeDistractors = false },
                "--engines" => options with { Engines = ParseEngines(Value()) },
                "--lucene-title-field" => options with { LuceneLayout = LuceneFieldLayout.SeparateTitle },
                "--warmup" => options with { Warmup = Count(0) },
                "--top" => options with { Top = Count(1) },
                "--json" => options with { JsonPath = Value() },
                "--runs" => options with { RunsDirectory = Value() },
                _ => throw new ArgumentException($"unknown option \"{args[i]}\""),
            };
        }
        return options;
    }

    private static List<string> ParseEngines(string list)
    {
        var engines = list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(e => e.ToLowerInvariant()).Distinct().ToList();
        var unknown = engines.Except([EngineNames.ServiceBot, EngineNames.Lucene]).ToList();
        if (engines.Count == 0 || unknown.Count > 0) throw new ArgumentException($"--engines accepts servicebot,lucene; got \"{list}\"");
        // The peer goes last: the report's ratio compares the first engine with it.
        return engines.OrderBy(e => e == EngineNames.Lucene).ToList();
    }
}

/// <summary>Part <see cref="Part"/> (1-based) of <see cref="Parts"/> disjoint parts of a query set.</summary>
public sealed record QuerySplit(int Part, int Parts)
{
    /// <exception cref="ArgumentException">The text is not K/N with 1 ≤ K ≤ N and N ≥ 2.</exception>
    public static QuerySplit Parse(string text)
    {
        var pieces = text.Split('/');
        if (pieces.Length == 2
            && int.TryParse(pieces[0], NumberStyles.None, CultureInfo.InvariantCulture, out var part)
            && int.TryParse(pieces[1], NumberStyles.None, CultureInfo.InvariantCulture, out var parts)
            && parts >= 2 && part >= 1 && part <= parts)
            return new QuerySplit(part, parts);
        throw new ArgumentException($"--split expects K/N with 1 <= K <= N and N >= 2, got \"{text}\"");
    }

    /// <summary>The queries of this part after a shuffle by <paramref name="seed"/>, in their original order.</summary>
    public IReadOnlyList<T> Select<T>(IReadOnlyList<T> queries, int seed)
    {
        var order = Enumerable.Range(0, queries.Count).ToArray();
        new Random(seed).Shuffle(order);
        var chosen = order.Where((_, i) => i % Parts == Part - 1).Order();
        return chosen.Select(i => queries[i]).ToList();
    }

    public override string ToString() => $"{Part}/{Parts}";
}

/// <summary>Engine keys used on the command line, in run-file tags and in the JSON report.</summary>
public static class EngineNames
{
    public const string ServiceBot = "servicebot";
    public const string Lucene = "lucene";

    /// <summary>ServiceBot's index without its second stage, measured on the same build.</summary>
    public const string ServiceBotFirstStage = "servicebot-first-stage";

    public static string Display(string engine) => engine switch
    {
        ServiceBot => "ServiceBot",
        ServiceBotFirstStage => "ServiceBot first stage",
        _ => "Lucene.Net",
    };
}
