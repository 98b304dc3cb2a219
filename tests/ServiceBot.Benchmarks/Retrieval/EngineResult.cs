using ServiceBot.Retrieval.Evaluation;

namespace ServiceBot.Benchmarks.Retrieval;

/// <summary>Everything measured for one engine in one benchmark run.</summary>
/// <param name="CpuTime">Per-query CPU time of the querying thread (Linux; null elsewhere): the work, without the waits of a loaded machine.</param>
/// <param name="AllocatedKBPerQuery">Managed memory a timed query allocated, on average: garbage that brings collections into the latency tail.</param>
/// <param name="ManagedHeapMB">Growth of <c>GC.GetTotalMemory(true)</c> across the build, with the index still alive.</param>
/// <param name="WorkingSetMB">Process working set right after the build.</param>
/// <param name="WorkingSetGrowthMB">Working-set change across the build (noisy: the runtime may keep freed memory).</param>
public sealed record EngineResult(
    string Engine,
    string Display,
    int Documents,
    MetricsSummary Metrics,
    LatencySummary Latency,
    LatencySummary? CpuTime,
    double AllocatedKBPerQuery,
    double BuildSeconds,
    double ManagedHeapMB,
    double WorkingSetMB,
    double WorkingSetGrowthMB);
