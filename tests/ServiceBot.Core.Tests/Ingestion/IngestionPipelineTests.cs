using Microsoft.Extensions.Options;
using ServiceBot.Core.Tests.Knowledge;
using ServiceBot.Hosting;
using ServiceBot.Ingestion;
using ServiceBot.Knowledge;
using ServiceBot.Tests.Embeddings;

namespace ServiceBot.Core.Tests.Ingestion;

public sealed class IngestionPipelineTests : IDisposable
{
    private readonly TempFolder _knowledge = new();
    private readonly TempFolder _index = new();

    public IngestionPipelineTests()
    {
        _knowledge.Write("policies/a.md", Policy("甲政策", "(一)骑手休息权益应当得到保障。"));
        _knowledge.Write("policies/b.md", Policy("乙政策", "(一)住房公积金可以用于支付房租。"));
        _knowledge.Write("guides/c.md", "# 丙指南\n\n## 所需材料\n\n身份证和申请表。\n");
        _knowledge.Write("README.md", "# 不是知识\n");
        _knowledge.Write("dictionary/terms.txt", "休息权益 2000 n\n");
        _knowledge.Write("dictionary/synonyms.txt", "休息权益,休息权\n");
    }

    public void Dispose()
    {
        _knowledge.Dispose();
        _index.Dispose();
    }

    [Fact]
    public async Task RunAsync_BadYamlAmongGoodFiles_ReportsItAndIndexesTheOthers()
    {
        var bad = _knowledge.Write("policies/bad.md", "---\ntitle: [未闭合\n---\n\n# 坏文件\n\n正文。\n");

        var report = await Run();

        var failure = Assert.Single(report.Failures);
        Assert.Equal(bad, failure.Path);
        Assert.Contains("YAML", failure.Reason);
        Assert.Equal(4, report.FilesSeen);
        var knowledge = KnowledgeBase.Load(_index.Path);
        Assert.Equal(["guides/c", "policies/a", "policies/b"], knowledge.Chunks.Select(c => c.DocumentId).Distinct().Order());
        Assert.Contains(knowledge.Search("公积金付房租", 3), r => r.Chunk.DocumentId == "policies/b");
    }

    [Fact]
    public async Task RunAsync_UnchangedTree_DoesNoWorkAndTouchesNoFile()
    {
        var first = await Run();
        var files = new IndexFiles(_index.Path);
        var stamps = StampsOf(files);

        var second = await Run();

        Assert.True(first.IndexRewritten);
        Assert.False(second.IndexRewritten);
        Assert.Equal((0, 0, 0, 3, 0), (second.Added, second.Changed, second.Removed, second.Unchanged, second.Read));
        Assert.Equal(first.Chunks, second.Chunks);
        Assert.Equal(stamps, StampsOf(files));
    }

    [Fact]
    public async Task RunAsync_OneFileChanged_RechunksOnlyThatFile()
    {
        await Run();
        _knowledge.Write("policies/b.md", Policy("乙政策", "(一)住房公积金可以用于支付房租。\n\n(二)提取公积金需要租赁合同。"));

        var report = await Run();

        Assert.Equal((0, 1, 2, 1), (report.Added, report.Changed, report.Unchanged, report.Read));
        Assert.True(report.IndexRewritten);
        var knowledge = KnowledgeBase.Load(_index.Path);
        Assert.Contains(knowledge.Search("租赁合同", 1), r => r.Chunk.Text.Contains("租赁合同"));
    }

    [Fact]
    public async Task RunAsync_FileDeleted_RemovesItsChunks()
    {
        await Run();
        File.Delete(Path.Combine(_knowledge.Path, "policies", "b.md"));

        var report = await Run();

        Assert.Equal(1, report.Removed);
        var knowledge = KnowledgeBase.Load(_index.Path);
        Assert.DoesNotContain(knowledge.Chunks, c => c.DocumentId == "policies/b");
        Assert.DoesNotContain(knowledge.Search("公积金房租", 5), r => r.Chunk.DocumentId == "policies/b");
        var manifest = IngestionManifest.TryLoad(new IndexFiles(_index.Path).Manifest)!;
        Assert.Equal(2, manifest.Files.Count);
    }

    [Fact]
    public async Task RunAsync_DictionaryChanged_RebuildsWithoutRereadingFiles()
    {
        await Run();
        _knowledge.Write("dictionary/synonyms.txt", "休息权益,休息权,歇班\n");

        var report = await Run();

        Assert.True(report.IndexRewritten);
        Assert.Equal(0, report.Read);
        Assert.Contains(KnowledgeBase.Load(_index.Path).Search("歇班", 1), r => r.Chunk.DocumentId == "policies/a");
    }

    [Fact]
    public async Task RunAsync_WithEmbedder_EmbedsOnlyNewOrChangedChunks()
    {
        var embedded = new List<string>();
        var embedder = TestEmbeddingGenerator.FromFunction(text =>
        {
            lock (embedded) embedded.Add(text);
            return [text.Length, 1f, text.Contains("公积金") ? 1f : 0f];
        });
        var first = await Run(embedder);
        embedded.Clear();
        _knowledge.Write("policies/b.md", Policy("乙政策", "(一)住房公积金可以用于支付房租和物业费。"));

        var second = await Run(embedder);

        Assert.Equal(first.Chunks, first.Embedded);
        Assert.Equal(1, second.Embedded);
        Assert.Contains("物业费", Assert.Single(embedded));
        Assert.True(File.Exists(new IndexFiles(_index.Path).Dense));
        Assert.True(KnowledgeBase.Load(_index.Path, embedder).IsHybrid);
    }

    [Fact]
    public async Task RunAsync_ReportsProgressPerFile()
    {
        var reports = new List<IngestionProgress>();

        await Run(progress: new SynchronousProgress<IngestionProgress>(reports.Add));

        Assert.Equal(3, reports.Count(p => p.Stage == IngestionStage.Reading));
        Assert.Equal(IngestionStage.Done, reports[^1].Stage);
        Assert.All(reports.Where(p => p.Stage == IngestionStage.Reading), p => Assert.Equal(3, p.FilesTotal));
    }

    private Task<IngestionReport> Run(Microsoft.Extensions.AI.IEmbeddingGenerator<string, Microsoft.Extensions.AI.Embedding<float>>? embedder = null,
        IProgress<IngestionProgress>? progress = null)
        => new IngestionPipeline(
                Options.Create(new KnowledgeOptions { Paths = [_knowledge.Path] }),
                Options.Create(new IndexOptions { Path = _index.Path }),
                embedder)
            .RunAsync(progress);

    private static Dictionary<string, DateTime> StampsOf(IndexFiles files)
        => new[] { files.Manifest, files.Chunks, files.Lexical }.ToDictionary(f => f, File.GetLastWriteTimeUtc);

    private static string Policy(string title, string body)
        => $"---\ntitle: {title}\ndate: 2025-01-01\ntype: policy\n---\n\n# {title}\n\n## 一、总则\n\n{body}\n";

    /// <summary>Reports on the calling thread, unlike <see cref="Progress{T}"/>.</summary>
    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
