using Microsoft.Extensions.Options;
using ServiceBot.Hosting;
using ServiceBot.Ingestion;
using ServiceBot.Knowledge;

namespace ServiceBot.Core.Tests.Knowledge;

public sealed class KnowledgeBaseProviderTests : IDisposable
{
    private readonly TempFolder _knowledge = new();
    private readonly TempFolder _index = new();
    private readonly KnowledgeBaseProvider _provider;

    public KnowledgeBaseProviderTests()
    {
        Write("policies/insurance.md", "社保缴费通知", "(一)灵活就业人员可以在户籍地或者常住地参加社会保险。");
        var pipeline = new IngestionPipeline(Options.Create(new KnowledgeOptions { Paths = [_knowledge.Path] }), Options.Create(new IndexOptions { Path = _index.Path }));
        _provider = new KnowledgeBaseProvider(pipeline, Options.Create(new IndexOptions { Path = _index.Path }));
    }

    private void Write(string path, string title, string clause)
        => _knowledge.Write(path, $"---\ntitle: {title}\ndate: 2025-01-01\ntype: policy\n---\n\n# {title}\n\n## 一、总则\n\n{clause}\n");

    [Fact]
    public async Task ReloadAsync_DocumentAdded_SwapsInANewKnowledgeBaseAndLeavesTheOldOneWhole()
    {
        var before = await _provider.GetAsync();
        Write("policies/stations.md", "驿站建设通知", "(一)每个街道建设一处星光驿站，为快递员提供饮水和充电。");
        Assert.Same(before, await _provider.GetAsync());
        var stages = new List<IngestionStage>();

        var report = await _provider.ReloadAsync(new SynchronousProgress(p => stages.Add(p.Stage)));

        var after = await _provider.GetAsync();
        Assert.NotSame(before, after);
        Assert.Equal(1, report.Added);
        Assert.Same(report, _provider.LastIngestion);
        Assert.Equal("驿站建设通知", after.Search("星光驿站在哪里", 1).Single().Chunk.Title);
        Assert.DoesNotContain(before.Chunks, c => c.Title == "驿站建设通知");
        Assert.Equal(IngestionStage.Discovering, stages[0]);
        Assert.Equal(IngestionStage.Done, stages[^1]);
    }

    [Fact]
    public async Task ReloadAsync_NothingChanged_KeepsTheLoadedKnowledgeBase()
    {
        var before = await _provider.GetAsync();

        var report = await _provider.ReloadAsync();

        Assert.False(report.IndexRewritten);
        Assert.Same(before, await _provider.GetAsync());
    }

    [Fact]
    public async Task ReloadAsync_ReadersDuringTheRun_AlwaysGetACompleteKnowledgeBase()
    {
        await _provider.GetAsync();
        for (var i = 0; i < 40; i++) Write($"policies/notice-{i}.md", $"第{i}号通知", $"(一)第{i}号通知的内容是为新就业群体提供服务。");
        using var stop = new CancellationTokenSource();
        var counts = new List<int>();
        var reader = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var knowledge = await _provider.GetAsync();
                // A knowledge base is whole: every chunk the index finds is one it holds.
                Assert.All(knowledge.Search("通知", 50), hit => Assert.Same(hit.Chunk, knowledge.Find(hit.Chunk.Id)));
                lock (counts) counts.Add(knowledge.Chunks.Count);
            }
        });

        await _provider.ReloadAsync();
        await stop.CancelAsync();
        await reader;

        Assert.All(counts, count => Assert.Contains(count, new[] { 1, 41 }));
        Assert.Equal(41, (await _provider.GetAsync()).Chunks.Count);
    }

    public void Dispose()
    {
        _provider.Dispose();
        _knowledge.Dispose();
        _index.Dispose();
    }

    private sealed class SynchronousProgress(Action<IngestionProgress> report) : IProgress<IngestionProgress>
    {
        public void Report(IngestionProgress value) => report(value);
    }
}
