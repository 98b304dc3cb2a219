using System.Diagnostics;
using ServiceBot.Retrieval;
using ServiceBot.Retrieval.Duplicates;
using ServiceBot.Retrieval.Evaluation;
using ServiceBot.Retrieval.Lexical;
using ServiceBot.Text;

namespace ServiceBot.Cli.Commands;

/// <summary><c>index build</c>: indexes external JSONL corpora of <c>{"id","text"}</c> (+ "law", "article").</summary>
public sealed class IndexBuildCommand : ICliCommand
{
    public const string IndexFileName = "lexical.bin";

    public string Name => "index build";
    public string Usage => "index build --corpus A.jsonl[,B.jsonl...] --index DIR [--dictionary DIR]";
    public string Description => "为外部 JSONL 语料建立检索索引。";

    public Task<int> RunAsync(CommandLineArguments arguments, CliConsole console, CancellationToken cancellationToken)
    {
        var corpora = arguments.Values("corpus")
            .SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToList();
        if (corpora.Count == 0) throw new CliUsageException("缺少必需参数 --corpus。");
        var indexDirectory = arguments.Required("index");
        var dictionary = arguments.Optional("dictionary") ?? Path.Combine("knowledge", "dictionary");
        arguments.RejectUnknown();
        foreach (var corpus in corpora)
            if (!File.Exists(corpus)) throw new FileNotFoundException($"找不到语料文件：{corpus}");
        if (arguments.Optional("dictionary") is { } explicitDictionary && !Directory.Exists(explicitDictionary))
            throw new DirectoryNotFoundException($"找不到词典目录：{explicitDictionary}");

        var clock = Stopwatch.StartNew();
        // A cheap first pass sizes the progress bar; the build itself streams, never holding the corpus.
        var expected = corpora.Sum(c => File.ReadLines(c).Count(line => !string.IsNullOrWhiteSpace(line)));
        if (expected == 0) throw new InvalidDataException("语料为空，没有可索引的条目。");

        var analyzer = new ChineseAnalyzer(AnalyzerVocabulary.FromDictionaries([dictionary], minedExpansions: false));
        var path = Path.Combine(indexDirectory, IndexFileName);
        int count;
        using (var progress = console.Progress("建立索引", expected))
            count = LexicalIndex.Write(Documents(corpora, cancellationToken), analyzer, path, progress);
        var twinsPath = LexicalIndex.NearDuplicatesPath(path);
        var groups = File.Exists(twinsPath) ? NearDuplicateGroups.Load(twinsPath, count).Groups.ToList() : [];
        var twins = groups.Count > 0 ? $"，近似重复 {groups.Count} 组共 {groups.Sum(g => g.Twins.Count)} 条（已合并到每组首条）" : "";
        console.Out.WriteLine($"已索引 {count} 条，来自 {corpora.Count} 个文件{twins}，用时 {clock.Elapsed.TotalSeconds:F1} 秒：{path}");
        return Task.FromResult(CliApplication.Success);
    }

    /// <summary>The corpora's documents in order; an id seen before stops the build.</summary>
    private static IEnumerable<IndexDocument> Documents(IReadOnlyList<string> corpora, CancellationToken cancellationToken)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var corpus in corpora)
            foreach (var document in JsonlCorpusReader.Read(corpus))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!ids.Add(document.Id)) throw new InvalidDataException($"语料中的 id \"{document.Id}\" 重复出现。");
                yield return document;
            }
    }
}
