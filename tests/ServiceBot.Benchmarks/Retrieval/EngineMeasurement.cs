using System.Diagnostics;
using ServiceBot.Retrieval;
using ServiceBot.Retrieval.Evaluation;

namespace ServiceBot.Benchmarks.Retrieval;

/// <summary>Builds one engine, measures build time and memory, then times and scores every query.</summary>
public static class EngineMeasurement
{
    private const double Megabyte = 1024 * 1024;

    /// <summary>
    /// Builds the engine once and measures it; <paramref name="variants"/> (e.g. the same index without its second
    /// stage) are measured on the same build, each warmed up and timed exactly as the engine itself.
    /// </summary>
    public static IReadOnlyList<EngineResult> Run(
        string engine,
        Func<IReadOnlyList<IndexDocument>, IProgress<int>, IRetriever> build,
        IReadOnlyList<IndexDocument> documents,
        IReadOnlyList<EvaluationQuery> queries,
        RetrievalBenchmarkOptions options,
        IReadOnlyList<(string Engine, Func<IRetriever, IRetriever> Derive)>? variants = null)
    {
        ReleaseFreedMemory();
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var workingSetBefore = WorkingSetBytes();

        var clock = Stopwatch.StartNew();
        IRetriever retriever;
        using (var progress = new ConsoleProgress($"[{EngineNames.Display(engine)}] building", documents.Count)) retriever = build(documents, progress);
        var buildSeconds = clock.Elapsed.TotalSeconds;

        var heapAfter = GC.GetTotalMemory(forceFullCollection: true);
        var workingSetAfter = WorkingSetBytes();
        try
        {
            var results = new List<EngineResult>();
            foreach (var (name, measured) in new[] { (engine, retriever) }.Concat((variants ?? []).Select(v => (v.Engine, v.Derive(retriever)))))
            {
                var (metrics, latency) = Measure(name, measured, queries, options);
                results.Add(new EngineResult(name, EngineNames.Display(name), documents.Count, metrics, latency, buildSeconds,
                    (heapAfter - heapBefore) / Megabyte, workingSetAfter / Megabyte, (workingSetAfter - workingSetBefore) / Megabyte));
            }
            return results;
        }
        finally
        {
            (retriever as IDisposable)?.Dispose();
        }
    }

    /// <summary>One untimed pass (or the first --warmup queries), then every query timed one by one.</summary>
    private static (MetricsSummary, LatencySummary) Measure(string engine, IRetriever retriever, IReadOnlyList<EvaluationQuery> queries,
        RetrievalBenchmarkOptions options)
    {
        var display = EngineNames.Display(engine);
        var warmup = Math.Min(options.Warmup ?? queries.Count, queries.Count);
        using (var progress = new ConsoleProgress($"[{display}] warming up", warmup))
        {
            for (var i = 0; i < warmup; i++)
            {
                retriever.Search(queries[i].Query, options.Top);
                progress.Report(i + 1);
            }
        }

        var latencies = new double[queries.Count];
        var rankings = new IReadOnlyList<SearchHit>[queries.Count];
        using (var progress = new ConsoleProgress($"[{display}] querying", queries.Count))
        {
            for (var i = 0; i < queries.Count; i++)
            {
                var start = Stopwatch.GetTimestamp();
                rankings[i] = retriever.Search(queries[i].Query, options.Top);
                latencies[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                if (i % 10 == 9) progress.Report(i + 1);
            }
            progress.Report(queries.Count);
        }

        if (options.RunsDirectory is { } runs)
        {
            Directory.CreateDirectory(runs);
            TrecRunWriter.WriteFile(
                Path.Combine(runs, $"stard-dev-{engine}.trec"),
                queries.Select((q, i) => (q.Id, rankings[i])),
                engine);
        }

        var metrics = RetrievalMetrics.Average(queries.Select((q, i) => RetrievalMetrics.Evaluate(q, rankings[i])).ToList());
        return (metrics, LatencySummary.From(latencies));
    }

    // Drop the previous engine and hand its pages back to the OS so the next baseline starts clean.
    private static void ReleaseFreedMemory()
    {
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }

    private static long WorkingSetBytes()
    {
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64;
    }
}
