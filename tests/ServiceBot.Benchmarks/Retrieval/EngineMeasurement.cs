using System.Diagnostics;
using ServiceBot.Retrieval;
using ServiceBot.Retrieval.Evaluation;

namespace ServiceBot.Benchmarks.Retrieval;

/// <summary>What building one engine cost.</summary>
public sealed record EngineBuild(string Engine, IRetriever Retriever, double Seconds, double ManagedHeapMB, double WorkingSetMB, double WorkingSetGrowthMB);

/// <summary>
/// Builds engines one at a time (build time and memory each), then times every engine on every query in
/// rotation: on a shared machine the load drifts, and interleaving exposes all engines to the same drift.
/// </summary>
public static class EngineMeasurement
{
    private const double Megabyte = 1024 * 1024;

    public static EngineBuild Build(string engine, Func<IReadOnlyList<IndexDocument>, IProgress<int>, IRetriever> build,
        IReadOnlyList<IndexDocument> documents)
    {
        ReleaseFreedMemory();
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var workingSetBefore = WorkingSetBytes();
        var clock = Stopwatch.StartNew();
        IRetriever retriever;
        using (var progress = new ConsoleProgress($"[{EngineNames.Display(engine)}] building", documents.Count)) retriever = build(documents, progress);
        var seconds = clock.Elapsed.TotalSeconds;
        var heapAfter = GC.GetTotalMemory(forceFullCollection: true);
        var workingSetAfter = WorkingSetBytes();
        return new EngineBuild(engine, retriever, seconds, (heapAfter - heapBefore) / Megabyte, workingSetAfter / Megabyte,
            (workingSetAfter - workingSetBefore) / Megabyte);
    }

    /// <summary>
    /// Warms every engine with the same untimed queries (one full pass unless --warmup says otherwise), then times
    /// each query on every engine, starting with a different engine each time so none always runs first.
    /// </summary>
    public static IReadOnlyList<EngineResult> Measure(IReadOnlyList<EngineBuild> engines, int documentCount,
        IReadOnlyList<EvaluationQuery> queries, RetrievalBenchmarkOptions options)
    {
        var warmup = Math.Min(options.Warmup ?? queries.Count, queries.Count);
        foreach (var engine in engines)
        {
            using var progress = new ConsoleProgress($"[{EngineNames.Display(engine.Engine)}] warming up", warmup);
            for (var i = 0; i < warmup; i++)
            {
                engine.Retriever.Search(queries[i].Query, options.Top);
                progress.Report(i + 1);
            }
        }

        var latencies = engines.Select(_ => new double[queries.Count]).ToArray();
        var allocated = new long[engines.Count];
        var cpu = engines.Select(_ => new double[queries.Count]).ToArray();
        var rankings = engines.Select(_ => new IReadOnlyList<SearchHit>[queries.Count]).ToArray();
        using (var progress = new ConsoleProgress("querying every engine in rotation", queries.Count))
        {
            for (var i = 0; i < queries.Count; i++)
            {
                for (var k = 0; k < engines.Count; k++)
                {
                    var e = (i + k) % engines.Count;
                    var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
                    var cpuBefore = ThreadCpuClock.Milliseconds();
                    var start = Stopwatch.GetTimestamp();
                    rankings[e][i] = engines[e].Retriever.Search(queries[i].Query, options.Top);
                    latencies[e][i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                    cpu[e][i] = ThreadCpuClock.Milliseconds() - cpuBefore;
                    allocated[e] += GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
                }
                if (i % 10 == 9) progress.Report(i + 1);
            }
            progress.Report(queries.Count);
        }

        var results = new List<EngineResult>();
        for (var e = 0; e < engines.Count; e++)
        {
            var engine = engines[e];
            if (options.RunsDirectory is { } runs)
            {
                Directory.CreateDirectory(runs);
                var ranking = rankings[e];
                TrecRunWriter.WriteFile(Path.Combine(runs, $"stard-dev-{engine.Engine}.trec"),
                    queries.Select((q, i) => (q.Id, ranking[i])), engine.Engine);
            }
            var metrics = RetrievalMetrics.Average(queries.Select((q, i) => RetrievalMetrics.Evaluate(q, rankings[e][i])).ToList());
            results.Add(new EngineResult(engine.Engine, EngineNames.Display(engine.Engine), documentCount, metrics,
                LatencySummary.From(latencies[e]), ThreadCpuClock.IsAvailable ? LatencySummary.From(cpu[e]) : null,
                allocated[e] / 1024.0 / queries.Count, engine.Seconds, engine.ManagedHeapMB, engine.WorkingSetMB, engine.WorkingSetGrowthMB));
        }
        return results;
    }

    // Drop garbage and hand its pages back to the OS so the next baseline starts clean.
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
