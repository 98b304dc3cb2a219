using System.Diagnostics;
using System.Text.Json;
using ServiceBot.Retrieval;
using ServiceBot.Retrieval.Evaluation;

namespace ServiceBot.Cli.Commands;

/// <summary><c>search</c>: batch retrieval into a TREC run file, with per-query latency measured in-process.</summary>
public sealed class SearchCommand : ICliCommand
{
    private const int WarmUpQueries = 20;

    public string Name => "search";
    public string Usage => "search --index DIR --queries Q.jsonl --top N --run OUT.trec [--tag TAG]";
    public string Description => "批量检索，输出 TREC 运行文件，最后一行输出延迟统计 JSON。";

    public Task<int> RunAsync(CommandLineArguments arguments, CliConsole console, CancellationToken cancellationToken)
    {
        var indexDirectory = arguments.Required("index");
        var queriesPath = arguments.Required("queries");
        var top = arguments.PositiveInt("top", 100);
        var runPath = arguments.Required("run");
        var tag = arguments.Optional("tag") ?? "servicebot";
        arguments.RejectUnknown();
        var indexPath = Path.Combine(indexDirectory, IndexBuildCommand.IndexFileName);
        if (!File.Exists(indexPath))
            throw new FileNotFoundException($"找不到索引：{indexPath}。请先运行 index build 或 ingest。");
        if (!File.Exists(queriesPath)) throw new FileNotFoundException($"找不到查询文件：{queriesPath}");

        var queries = QueryFileReader.Read(queriesPath);
        var index = LexicalIndex.Load(indexPath);
        foreach (var query in queries.Take(WarmUpQueries)) index.Search(query.Query, top);

        var latencies = new List<double>(queries.Count);
        var directory = Path.GetDirectoryName(Path.GetFullPath(runPath))!;
        Directory.CreateDirectory(directory);
        using (var file = new StreamWriter(runPath))
        using (var progress = console.Progress("检索", queries.Count))
        {
            var writer = new TrecRunWriter(file, tag);
            for (var i = 0; i < queries.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var clock = Stopwatch.StartNew();
                var hits = index.Search(queries[i].Query, top);
                latencies.Add(clock.Elapsed.TotalMilliseconds);
                writer.Write(queries[i].Id, hits);
                progress.Report(i + 1);
            }
        }
        var summary = LatencySummary.From(latencies);
        console.Out.WriteLine(JsonSerializer.Serialize(new
        {
            queries = queries.Count,
            p50_ms = Math.Round(summary.P50, 3),
            p99_ms = Math.Round(summary.P99, 3),
            mean_ms = Math.Round(summary.Mean, 3),
        }));
        return Task.FromResult(CliApplication.Success);
    }
}
