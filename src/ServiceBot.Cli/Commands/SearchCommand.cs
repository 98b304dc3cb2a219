using System.Diagnostics;
using System.Text.Json;
using ServiceBot.Retrieval;
using ServiceBot.Retrieval.Evaluation;
using ServiceBot.Retrieval.Lexical;
using ServiceBot.Retrieval.Ranking;

namespace ServiceBot.Cli.Commands;

/// <summary>
/// <c>search</c>: batch retrieval into a TREC run file, with per-query latency measured in-process; or, with
/// <c>--explain</c>, one question against the default knowledge with every ranking signal shown.
/// </summary>
public sealed class SearchCommand : ICliCommand
{
    public string Name => "search";
    public string Usage => "search --index DIR --queries Q.jsonl --top N --run OUT.trec [--tag TAG] | search --explain \"问题\" [--top N] [--json] [--knowledge DIR]... [--index DIR]";
    public string Description => "批量检索，输出 TREC 运行文件，最后一行输出延迟统计 JSON；--explain 显示一个问题的分析结果与各条款的排序依据。";

    public Task<int> RunAsync(CommandLineArguments arguments, CliConsole console, CancellationToken cancellationToken)
        => arguments.Optional("explain") is { } question
            ? ExplainCommand.RunAsync(question, arguments, console, cancellationToken)
            : Task.FromResult(RunBatch(arguments, console, cancellationToken));

    private static int RunBatch(CommandLineArguments arguments, CliConsole console, CancellationToken cancellationToken)
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
        var index = LexicalIndex.Load(indexPath, LexicalIndexOptions.ForStatutes());
        // One untimed pass over every query, as a peer measured on the same file gets: the timings then see
        // compiled code and warm caches for every query, not only for the first few.
        foreach (var query in queries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            index.Search(query.Query, top);
        }

        // The timed pass only searches: the run file is written afterwards, so its formatting neither adds to a
        // query's time nor leaves garbage that a later query's collection would pay for.
        var latencies = new double[queries.Count];
        var rankings = new IReadOnlyList<SearchHit>[queries.Count];
        using (var progress = console.Progress("检索", queries.Count))
        {
            for (var i = 0; i < queries.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var start = Stopwatch.GetTimestamp();
                rankings[i] = index.Search(queries[i].Query, top);
                latencies[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                progress.Report(i + 1);
            }
        }
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(runPath))!);
        TrecRunWriter.WriteFile(runPath, queries.Select((query, i) => (query.Id, rankings[i])), tag);
        var summary = LatencySummary.From(latencies);
        console.Out.WriteLine(JsonSerializer.Serialize(new
        {
            queries = queries.Count,
            p50_ms = Math.Round(summary.P50, 3),
            p99_ms = Math.Round(summary.P99, 3),
            mean_ms = Math.Round(summary.Mean, 3),
        }));
        return CliApplication.Success;
    }
}
