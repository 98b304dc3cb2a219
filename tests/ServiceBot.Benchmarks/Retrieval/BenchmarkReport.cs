using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ServiceBot.Benchmarks.Retrieval;

/// <summary>The result of one benchmark run, printable as Markdown and serialisable as JSON.</summary>
public sealed record BenchmarkReport(
    string Dataset,
    string StardDirectory,
    int Documents,
    int Queries,
    int Top,
    int Warmup,
    string LuceneLayout,
    string Runtime,
    int ProcessorCount,
    DateTimeOffset StartedAt,
    IReadOnlyList<EngineResult> Engines)
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        // A local report file, not HTML: keep "+" and Chinese text readable instead of \u-escaped.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public string ToMarkdown()
    {
        var md = new StringBuilder();
        md.Append(CultureInfo.InvariantCulture,
            $"## {Dataset}: {Queries} judged queries, {Documents:N0} documents, top {Top}\n\n");
        // The peer is the last engine; the ratio compares the first (the shipped configuration) with it.
        var ratio = Engines.Count >= 2;
        md.Append("| metric | ").AppendJoin(" | ", Engines.Select(e => e.Display));
        if (ratio) md.Append(CultureInfo.InvariantCulture, $" | ratio ({Engines[0].Display}/{Engines[^1].Display})");
        md.Append(" |\n|---|").Append(string.Concat(Enumerable.Repeat("---:|", Engines.Count + (ratio ? 1 : 0)))).Append('\n');

        Row("R@10", e => e.Metrics.RecallAt10, "F3");
        Row("R@100", e => e.Metrics.RecallAt100, "F3");
        Row("MRR@10", e => e.Metrics.MrrAt10, "F3");
        Row("nDCG@10", e => e.Metrics.NdcgAt10, "F3");
        Row("Hit@10", e => e.Metrics.HitAt10, "F3");
        Row("latency p50 (ms)", e => e.Latency.P50, "F2");
        Row("latency p99 (ms)", e => e.Latency.P99, "F2");
        Row("latency mean (ms)", e => e.Latency.Mean, "F2");
        if (Engines.All(e => e.CpuTime is not null))
        {
            Row("CPU time p50 (ms)", e => e.CpuTime!.P50, "F2");
            Row("CPU time p99 (ms)", e => e.CpuTime!.P99, "F2");
        }
        Row("allocated per query (KB)", e => e.AllocatedKBPerQuery, "F1");
        Row("build (s)", e => e.BuildSeconds, "F1");
        Row("managed heap growth (MB)", e => e.ManagedHeapMB, "F1");
        Row("working set after build (MB)", e => e.WorkingSetMB, "F1");
        Row("working set growth in build (MB)", e => e.WorkingSetGrowthMB, "F1");

        md.Append(CultureInfo.InvariantCulture,
            $"\nLucene.Net: SmartChineseAnalyzer, BM25 k1=1.2 b=0.75, layout {LuceneLayout}. Warm-up {Warmup} untimed queries per engine (and per ServiceBot stage); ")
            .Append(CultureInfo.InvariantCulture,
                $"engines built one after the other in one process (a later engine's working set includes the earlier ones), then timed query by query in rotation; {Runtime}, {ProcessorCount} cores, started {StartedAt:u}.\n");
        return md.ToString();

        void Row(string name, Func<EngineResult, double> value, string format)
        {
            md.Append("| ").Append(name);
            foreach (var engine in Engines) md.Append(" | ").Append(value(engine).ToString(format, CultureInfo.InvariantCulture));
            if (ratio)
            {
                var denominator = value(Engines[^1]);
                md.Append(" | ").Append(denominator == 0 ? "n/a" : (value(Engines[0]) / denominator).ToString("F2", CultureInfo.InvariantCulture));
            }
            md.Append(" |\n");
        }
    }

    public void WriteJson(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null) Directory.CreateDirectory(directory);
        File.WriteAllText(path, JsonSerializer.Serialize(this, JsonOptions) + "\n");
    }
}
