using System.Diagnostics;
using ServiceBot.Benchmarks.Retrieval;
using ServiceBot.Retrieval;
using ServiceBot.Retrieval.Duplicates;
using ServiceBot.Retrieval.Evaluation;
using ServiceBot.Retrieval.Lexical;
using ServiceBot.Retrieval.Ranking;
using ServiceBot.Text;

namespace ServiceBot.Benchmarks.Scaling;

/// <summary>
/// One measurement in a process of its own, so its resident memory holds nothing of another engine or scale:
/// <c>build</c> streams the scaled pool into an index on disk; <c>search</c> opens that index and runs the queries;
/// <c>baseline</c> only loads the engine's analyzer and dictionary and analyses the queries.
/// </summary>
public static class ScalingWorker
{
    public const string Command = "scaling-worker";

    /// <summary>Arguments: build|search|baseline --engine E --stard DIR --scale N --index FOLDER [--queries N] [--top N] [--near-duplicates THRESHOLD].</summary>
    public static int Run(IReadOnlyList<string> args)
    {
        if (args.Count == 0) throw new ArgumentException("scaling-worker needs a mode: build, search or baseline");
        var mode = args[0];
        string? engine = null, stard = null, index = null;
        int scale = 1, top = 100;
        int? queryLimit = null;
        var threshold = new LexicalIndexOptions().NearDuplicateThreshold;
        for (var i = 1; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--engine": engine = Value(); break;
                case "--stard": stard = Value(); break;
                case "--index": index = Value(); break;
                case "--scale": scale = ScalingOptions.ParseCount("--scale", Value()); break;
                case "--queries": queryLimit = ScalingOptions.ParseCount("--queries", Value()); break;
                case "--top": top = ScalingOptions.ParseCount("--top", Value()); break;
                case "--near-duplicates": threshold = ScalingOptions.ParseThreshold(Value()); break;
                default: throw new ArgumentException($"unknown option \"{args[i]}\"");
            }
        }
        if (engine is not (EngineNames.ServiceBot or EngineNames.Lucene)) throw new ArgumentException("--engine must be servicebot or lucene");
        stard ??= RepositoryPaths.DefaultStardDirectory();
        var result = mode switch
        {
            "build" => Build(engine, stard, scale, index ?? throw new ArgumentException("build needs --index"), threshold),
            "search" => Search(engine, ScaledPool.Queries(stard, queryLimit), top, index ?? throw new ArgumentException("search needs --index")),
            "baseline" => Baseline(engine, ScaledPool.Queries(stard, queryLimit)),
            _ => throw new ArgumentException($"unknown mode \"{mode}\"; expected build, search or baseline"),
        };
        Console.WriteLine(result.ToJsonLine());
        return 0;
    }

    private static WorkerResult Build(string engine, string stard, int scale, string index, double nearDuplicateThreshold)
    {
        Directory.CreateDirectory(index);
        var clock = Stopwatch.StartNew();
        var documents = 0;
        var twins = 0;
        var pool = ScaledPool.Read(stard, scale).Select(d => { documents++; return d; });
        using (var progress = new ConsoleProgress($"[{EngineNames.Display(engine)} {scale}×] building"))
        {
            if (engine == EngineNames.ServiceBot)
            {
                // As `servicebot index build` writes it: streamed straight to the file, twins beside it.
                var file = LexicalFile(index);
                var count = LexicalIndex.Write(pool, ServiceBotAnalyzer(), file, progress, nearDuplicateThreshold);
                var twinsPath = LexicalIndex.NearDuplicatesPath(file);
                twins = File.Exists(twinsPath) ? NearDuplicateGroups.Load(twinsPath, count).Groups.Sum(g => g.Twins.Count) : 0;
            }
            else
            {
                LuceneRetriever.Build(pool, LuceneFieldLayout.Combined, progress, index).Dispose();
            }
        }
        var seconds = clock.Elapsed.TotalSeconds;
        return new WorkerResult(engine, "build", documents, seconds, ProcessMemory.PeakResidentBytes(), ProcessMemory.ResidentBytes(),
            SizeOnDisk(index), 0, 0, 0, 0, twins);
    }

    private static WorkerResult Search(string engine, IReadOnlyList<EvaluationQuery> queries, int top, string index)
    {
        IRetriever retriever = engine == EngineNames.ServiceBot
            // As `servicebot search` runs it: with the shipped term translations and second stage.
            ? LexicalIndex.Load(LexicalFile(index), LexicalIndexOptions.ForStatutes())
            : LuceneRetriever.Open(index);
        try
        {
            // One untimed pass, as the peer's own benchmarks warm up, then one timed pass.
            foreach (var query in queries) retriever.Search(query.Query, top);
            var latencies = new double[queries.Count];
            var rankings = new IReadOnlyList<SearchHit>[queries.Count];
            for (var i = 0; i < queries.Count; i++)
            {
                var start = Stopwatch.GetTimestamp();
                rankings[i] = retriever.Search(queries[i].Query, top);
                latencies[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }
            ProcessMemory.ReleaseGarbage();
            var resident = ProcessMemory.ResidentBytes();
            var metrics = RetrievalMetrics.Average(queries.Select((q, i) => RetrievalMetrics.Evaluate(q, rankings[i])).ToList());
            var latency = LatencySummary.From(latencies);
            var withTwins = queries.Select((q, i) => RetrievalMetrics.RecallCountingTwins(rankings[i], q.Relevant, 10)).Average();
            return new WorkerResult(engine, "search", retriever is LexicalIndex lexical ? lexical.Count : ((LuceneRetriever)retriever).Count,
                0, ProcessMemory.PeakResidentBytes(), resident, SizeOnDisk(index), latency.P50, latency.P99, metrics.RecallAt10, metrics.RecallAt100)
            {
                RecallAt10WithTwins = withTwins,
            };
        }
        finally
        {
            (retriever as IDisposable)?.Dispose();
        }
    }

    private static WorkerResult Baseline(string engine, IReadOnlyList<EvaluationQuery> queries)
    {
        if (engine == EngineNames.ServiceBot)
        {
            var analyzer = ServiceBotAnalyzer();
            foreach (var query in queries) analyzer.AnalyzeQuery(query.Query);
        }
        else
        {
            using var analyzer = LuceneRetriever.CreateAnalyzer();
            foreach (var query in queries) LuceneRetriever.Analyze(analyzer, query.Query);
        }
        ProcessMemory.ReleaseGarbage();
        return new WorkerResult(engine, "baseline", 0, 0, ProcessMemory.PeakResidentBytes(), ProcessMemory.ResidentBytes(), 0, 0, 0, 0, 0);
    }

    /// <summary>Same vocabulary as <c>servicebot index build</c>: the repository's domain dictionary.</summary>
    private static ChineseAnalyzer ServiceBotAnalyzer() =>
        new(AnalyzerVocabulary.FromDictionaries([Path.Combine(RepositoryPaths.FindRoot(), "knowledge", "dictionary")], minedExpansions: false));

    private static string LexicalFile(string folder) => Path.Combine(folder, ServiceBot.Ingestion.IndexFiles.LexicalName);

    /// <summary>Every file of the index folder: whatever the engine keeps on disk.</summary>
    private static long SizeOnDisk(string folder) =>
        new DirectoryInfo(folder).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);
}
