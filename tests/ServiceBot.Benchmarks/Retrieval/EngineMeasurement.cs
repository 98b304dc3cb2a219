using System.Diagnostics;
using ServiceBot.Retrieval;
using ServiceBot.Retrieval.Evaluation;

namespace ServiceBot.Benchmarks.Retrieval;

/// <summary>Builds one engine, measures build time and memory, then times and scores every query.</summary>
public static class EngineMeasurement
{
    private const double Megabyte = 1024 * 1024;

    public static EngineResult Run(
        string engine,
        Func<IReadOnlyList<IndexDocument>, IProgress<int>, IRetriever> build,
        IReadOnlyList<IndexDocument> documents,
        IReadOnlyList<EvaluationQuery> queries,
        RetrievalBenchmarkOptions options)
    {
        var display = EngineNames.Display(engine);
        ReleaseFreedMemory();
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var workingSetBefore = WorkingSetBytes();

        var clock = Stopwatch.StartNew();
        IRetriever retriever;
        using (var progress = new ConsoleProgress($"[{display}] building", documents.Count)) retriever = build(documents, progress);
        var buildSeconds = clock.Elapsed.TotalSeconds;

        var heapAfter = GC.GetTotalMemory(forceFullCollection: true);
        var workingSetAfter = WorkingSetBytes();
        try
        {
            using (var progress = new ConsoleProgress($"[{display}] warming up", Math.Min(options.Warmup, queries.Count)))
            {
                for (var i = 0; i < Math.Min(options.Warmup, queries.Count); i++)
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
            return new EngineResult(
                engine,
                display,
                documents.Count,
                metrics,
                LatencySummary.From(latencies),
                buildSeconds,
                (heapAfter - heapBefore) / Megabyte,
                workingSetAfter / Megabyte,
                (workingSetAfter - workingSetBefore) / Megabyte);
        }
        finally
        {
            (retriever as IDisposable)?.Dispose();
        }
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
