using System.Text;
using Microsoft.Extensions.DependencyInjection;
using ServiceBot.Answers;
using ServiceBot.Knowledge;
using ServiceBot.Retrieval.Evaluation;

namespace ServiceBot.Cli.Commands;

/// <summary>
/// <c>ask</c>: answers one question (Markdown, or the contract JSON with --json) or a JSONL batch, from the
/// configured knowledge. The index is built or refreshed first; that is a no-op when nothing changed.
/// </summary>
public sealed class AskCommand : ICliCommand
{
    public string Name => "ask";
    public string Usage => "ask \"问题\" [--json] | ask --queries Q.jsonl --out A.jsonl   [--knowledge DIR]... [--index DIR]";
    public string Description => "根据知识库回答问题并引用条款；批量模式每行输出一个带 id 的答案 JSON。";

    public async Task<int> RunAsync(CommandLineArguments arguments, CliConsole console, CancellationToken cancellationToken)
    {
        var queriesPath = arguments.Optional("queries");
        var outPath = arguments.Optional("out");
        var json = arguments.Flag("json");
        using var services = KnowledgeServices.Build(arguments);
        arguments.RejectUnknown(maxPositional: queriesPath is null ? 1 : 0);

        string? question = null;
        if (queriesPath is null)
        {
            if (outPath is not null) throw new CliUsageException("--out 只能与 --queries 一起使用。");
            question = arguments.Positional.FirstOrDefault();
            if (string.IsNullOrWhiteSpace(question)) throw new CliUsageException("缺少问题，或使用 --queries 指定问题文件。");
        }
        else
        {
            if (outPath is null) throw new CliUsageException("批量模式需要 --out 指定输出文件。");
            if (json) throw new CliUsageException("批量模式总是输出 JSON，不需要 --json。");
            if (!File.Exists(queriesPath)) throw new FileNotFoundException($"找不到问题文件：{queriesPath}");
        }
        // Read the whole batch before any work, so a malformed line fails fast and writes nothing.
        var queries = queriesPath is null ? null : QueryFileReader.Read(queriesPath);

        var provider = services.GetRequiredService<KnowledgeBaseProvider>();
        var knowledge = await provider.GetAsync(cancellationToken);
        if (provider.LastIngestion is { IndexRewritten: true } ingestion)
            console.Error.WriteLine($"已更新知识索引：{ingestion.Chunks} 个条款片段。");
        foreach (var failure in provider.LastIngestion?.Failures ?? [])
            console.Error.WriteLine($"警告：未能导入 {failure.Path}：{failure.Reason}");
        var composer = services.GetRequiredService<ExtractiveAnswerComposer>();

        if (queries is null)
        {
            var answer = composer.Compose(knowledge, question!);
            // The JSON is the contract (CONTRACT §1) and stays byte for byte; only the human form is rendered for the terminal.
            if (json) console.Out.WriteLine(AnswerJson.Serialize(answer));
            else new TerminalOutput(console).Markdown(answer.Markdown);
            return CliApplication.Success;
        }

        var lines = new StringBuilder();
        foreach (var query in queries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            lines.Append(AnswerJson.Serialize(composer.Compose(knowledge, query.Query), query.Id)).Append('\n');
        }
        var directory = Path.GetDirectoryName(Path.GetFullPath(outPath!))!;
        Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(outPath!, lines.ToString(), new UTF8Encoding(false), cancellationToken);
        console.Out.WriteLine($"已回答 {queries.Count} 个问题：{outPath}");
        return CliApplication.Success;
    }
}
