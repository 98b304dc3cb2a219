using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using ServiceBot.Benchmarks.Retrieval;

namespace ServiceBot.Benchmarks.Scaling;

/// <summary>One engine at one scale.</summary>
/// <param name="SearchAboveBaselineMB">Search RSS minus the RSS of a process that only loaded the engine's analyzer and dictionary.</param>
public sealed record ScalingRow(
    string Engine, int Scale, int Clauses, double BuildSeconds, double BuildPeakMB, double IndexMB,
    double SearchMB, double SearchAboveBaselineMB, double P50, double P99, double RecallAt10, double RecallAt100, int Twins, double RecallAt10WithTwins);

/// <summary>
/// Grows the STARD pool with near-duplicates (<see cref="ScaledPool"/>) and measures both engines at each scale,
/// every build and every search in a fresh child process (<see cref="ScalingWorker"/>) so that resident memory is
/// the engine's alone. Prints a table, then per-1k-clause slopes from a linear fit, extrapolated to 10M clauses.
/// </summary>
public static class ScalingBenchmark
{
    private const double Megabyte = 1024 * 1024;
    private const double TenMillionClausesInThousands = 10_000;

    public static int Run(ScalingOptions options)
    {
        var startedAt = DateTimeOffset.Now;
        var stard = Path.GetFullPath(options.StardDirectory ?? RepositoryPaths.DefaultStardDirectory());
        if (!Directory.Exists(stard)) throw new DirectoryNotFoundException($"STARD folder not found: {stard}");
        var queries = ScaledPool.Queries(stard, options.Queries).Count;
        var work = Path.Combine(Path.GetTempPath(), "servicebot-scaling-" + Guid.NewGuid().ToString("N"));
        var rows = new List<ScalingRow>();
        var baselines = new Dictionary<string, double>();
        try
        {
            foreach (var engine in options.Engines)
                baselines[engine] = RunWorker(options, stard, "baseline", engine, 1, work).ResidentBytes / Megabyte;
            foreach (var scale in options.Scales)
            {
                foreach (var engine in options.Engines)
                {
                    var index = Path.Combine(work, $"{engine}-{scale}");
                    var build = RunWorker(options, stard, "build", engine, scale, index);
                    var search = RunWorker(options, stard, "search", engine, scale, index);
                    Directory.Delete(index, recursive: true);
                    var searchMB = search.ResidentBytes / Megabyte;
                    rows.Add(new ScalingRow(engine, scale, search.Documents, build.Seconds, build.PeakResidentBytes / Megabyte,
                        build.IndexBytes / Megabyte, searchMB, searchMB - baselines[engine], search.P50, search.P99, search.RecallAt10, search.RecallAt100, build.Twins, search.RecallAt10WithTwins));
                    Console.Error.WriteLine($"{EngineNames.Display(engine)} {scale}×: {search.Documents:N0} clauses, R@10 {search.RecallAt10:F3}");
                }
            }
        }
        finally
        {
            if (Directory.Exists(work)) Directory.Delete(work, recursive: true);
        }

        Console.Write(ToMarkdown(rows, baselines, queries, options, startedAt));
        if (options.JsonPath is { } json)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(json))!);
            File.WriteAllText(json, JsonSerializer.Serialize(new { startedAt, queries, baselines, rows }, new JsonSerializerOptions
            {
                WriteIndented = true,
                PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            }) + "\n");
            Console.Error.WriteLine($"wrote {json}");
        }
        return 0;
    }

    private static WorkerResult RunWorker(ScalingOptions options, string stard, string mode, string engine, int scale, string index)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, WorkingDirectory = RepositoryPaths.FindRoot() };
        foreach (var argument in new[]
                 {
                     typeof(ScalingWorker).Assembly.Location, ScalingWorker.Command, mode, "--engine", engine, "--stard", stard,
                     "--scale", scale.ToString(CultureInfo.InvariantCulture), "--index", index, "--top", options.Top.ToString(CultureInfo.InvariantCulture),
                 })
            start.ArgumentList.Add(argument);
        if (options.NearDuplicateThreshold is { } threshold)
        {
            start.ArgumentList.Add("--near-duplicates");
            start.ArgumentList.Add(threshold.ToString(CultureInfo.InvariantCulture));
        }
        if (options.Queries is { } limit)
        {
            start.ArgumentList.Add("--queries");
            start.ArgumentList.Add(limit.ToString(CultureInfo.InvariantCulture));
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the scaling worker");
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"the {mode} worker for {engine} at {scale}× exited with code {process.ExitCode}");
        var line = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault()
            ?? throw new InvalidDataException($"the {mode} worker for {engine} at {scale}× printed nothing");
        return WorkerResult.Parse(line);
    }

    public static string ToMarkdown(IReadOnlyList<ScalingRow> rows, IReadOnlyDictionary<string, double> baselines, int queries,
        ScalingOptions options, DateTimeOffset startedAt)
    {
        var md = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        md.Append(c, $"## STARD pool grown with near-duplicates: {queries} judged dev queries, top {options.Top}\n\n");
        md.Append("| scale | clauses | engine | build (s) | build peak RSS (MB) | index on disk (MB) | search RSS (MB) | search RSS above baseline (MB) | p50 (ms) | p99 (ms) | R@10 | R@100 | twins found | R@10 counting listed twins |\n");
        md.Append("|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        foreach (var r in rows)
            md.Append(c, $"| {r.Scale}× | {r.Clauses:N0} | {EngineNames.Display(r.Engine)} | {r.BuildSeconds:F1} | {r.BuildPeakMB:F0} | {r.IndexMB:F1} | {r.SearchMB:F0} | {r.SearchAboveBaselineMB:F0} | {r.P50:F2} | {r.P99:F2} | {r.RecallAt10:F3} | {r.RecallAt100:F3} | {(r.Engine == EngineNames.Lucene ? "–" : r.Twins.ToString("N0", c))} | {r.RecallAt10WithTwins:F3} |\n");
        md.Append("\nBaseline RSS (a process that only loaded the analyzer and its dictionary and analysed the queries): ")
            .AppendJoin(", ", baselines.Select(b => string.Create(c, $"{EngineNames.Display(b.Key)} {b.Value:F0} MB"))).Append(".\n");

        foreach (var engine in options.Engines)
        {
            var own = rows.Where(r => r.Engine == engine).OrderBy(r => r.Scale).ToList();
            if (own.Count >= 2)
                md.Append(c, $"R@10 of {EngineNames.Display(engine)} from {own[0].Scale}× to {own[^1].Scale}×: {own[0].RecallAt10:F3} → {own[^1].RecallAt10:F3} (loss {own[0].RecallAt10 - own[^1].RecallAt10:F3}).\n");
        }

        if (options.Scales.Count >= 2)
        {
            md.Append("\n### Per 1k clauses: least-squares fit over the scales, extrapolated to 10M clauses\n\n");
            md.Append("| measure | engine | per 1k clauses | intercept | R² | at 10M clauses |\n|---|---|---:|---:|---:|---:|\n");
            Fit("build time (s)", r => r.BuildSeconds, "F3");
            Fit("build peak RSS (MB)", r => r.BuildPeakMB, "F3");
            Fit("index on disk (MB)", r => r.IndexMB, "F3");
            Fit("search RSS above baseline (MB)", r => r.SearchAboveBaselineMB, "F3");
            Fit("latency p50 (ms)", r => r.P50, "F4");
            Fit("latency p99 (ms)", r => r.P99, "F4");
        }
        md.Append(c, $"\nEvery build and every search ran in its own process (`dotnet <benchmarks dll> {ScalingWorker.Command}`); build peak RSS is VmHWM, ")
            .Append(c, $"search RSS is VmRSS after one untimed and one timed pass over the queries and a full GC; ServiceBot with its shipped second stage, ")
            .Append(c, $"Lucene.Net BM25 on SmartChineseAnalyzer with its index on disk (FSDirectory). {Environment.ProcessorCount} cores, started {startedAt:u}.\n");
        return md.ToString();

        void Fit(string name, Func<ScalingRow, double> value, string format)
        {
            foreach (var engine in options.Engines)
            {
                var own = rows.Where(r => r.Engine == engine).ToList();
                if (own.Count < 2) continue;
                var fit = LinearFit.Of(own.Select(r => r.Clauses / 1000.0).ToList(), own.Select(value).ToList());
                md.Append(c, $"| {name} | {EngineNames.Display(engine)} | {fit.Slope.ToString(format, c)} | {fit.Intercept:F1} | {fit.RSquared:F3} | {fit.At(TenMillionClausesInThousands):N0} |\n");
            }
        }
    }
}
