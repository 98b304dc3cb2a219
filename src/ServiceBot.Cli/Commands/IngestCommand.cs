using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ServiceBot.Hosting;
using ServiceBot.Ingestion;

namespace ServiceBot.Cli.Commands;

/// <summary><c>ingest</c>: builds or refreshes the knowledge index incrementally; non-zero exit when a file failed.</summary>
public sealed class IngestCommand : ICliCommand
{
    public string Name => "ingest";
    public string Usage => "ingest [--knowledge DIR]... [--index DIR]";
    public string Description => "增量导入知识目录（默认 knowledge/）到索引（默认 .servicebot/index），未变化的文件会跳过。";

    public async Task<int> RunAsync(CommandLineArguments arguments, CliConsole console, CancellationToken cancellationToken)
    {
        using var services = KnowledgeServices.Build(arguments);
        arguments.RejectUnknown();
        var knowledge = services.GetRequiredService<IOptions<KnowledgeOptions>>().Value;
        var index = services.GetRequiredService<IOptions<IndexOptions>>().Value;
        var pipeline = services.GetRequiredService<IngestionPipeline>();

        IngestionReport report;
        using (var progress = new IngestionProgressBar(console))
            report = await pipeline.RunAsync(progress, cancellationToken);

        console.Out.WriteLine(Summary(report, knowledge.EffectivePaths, index.FullPath));
        foreach (var failure in report.Failures)
            console.Error.WriteLine($"导入失败：{failure.Path}：{failure.Reason}");
        foreach (var warning in report.Warnings)
            console.Error.WriteLine($"警告：{warning}");
        foreach (var group in report.NearDuplicates)
            console.Out.WriteLine($"近似重复：{group.Representative} ← {string.Join("、", group.Twins)}");
        return report.Succeeded ? CliApplication.Success : CliApplication.Failure;
    }

    internal static string Summary(IngestionReport report, IReadOnlyList<string> knowledge, string index)
    {
        var seconds = report.Elapsed.TotalSeconds.ToString("F1", System.Globalization.CultureInfo.InvariantCulture);
        var head = report.IndexRewritten
            ? $"已更新索引：新增 {report.Added}，修改 {report.Changed}，未变 {report.Unchanged}，删除 {report.Removed}，失败 {report.Failures.Count}；共 {report.Chunks} 个条款片段"
            : $"知识库无变化，未改写索引：{report.FilesSeen} 个文件，{report.Chunks} 个条款片段";
        var embedded = report.Embedded > 0 ? $"，新生成向量 {report.Embedded} 个" : "";
        var twins = report.NearDuplicates.Count > 0 ? $"，近似重复 {report.NearDuplicates.Count} 组（检索结果只显示每组首条，其余列为重复条款）" : "";
        return $"{head}{embedded}{twins}，用时 {seconds} 秒。\n知识目录：{string.Join("、", knowledge)}\n索引目录：{index}";
    }
}

/// <summary>Shows ingestion progress with the shared progress bar once the number of files is known.</summary>
internal sealed class IngestionProgressBar(CliConsole console) : IProgress<IngestionProgress>, IDisposable
{
    private ProgressBar? _bar;

    public void Report(IngestionProgress value)
    {
        if (value.FilesTotal == 0 || value.Stage is IngestionStage.Discovering) return;
        if (value.Stage is IngestionStage.Done && _bar is null) return; // nothing changed: no bar at all
        _bar ??= console.Progress("导入知识", value.FilesTotal);
        _bar.Report(value.Stage is IngestionStage.Reading ? value.FilesDone : value.FilesTotal);
    }

    public void Dispose() => _bar?.Dispose();
}
