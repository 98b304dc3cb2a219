using Microsoft.Extensions.AI;
using ServiceBot.Retrieval;
using ServiceBot.Retrieval.Dense;
using ServiceBot.Tests.Embeddings;

namespace ServiceBot.Tests.Retrieval.Dense;

public sealed class DenseRetrieverTests
{
    // Toy embedding: one axis per topic keyword, so rankings are predictable.
    private static float[] Topics(string text) =>
    [
        text.Contains("公积金") ? 1 : 0,
        text.Contains("社保") ? 1 : 0,
        text.Contains("户口") ? 1 : 0,
        0.01f,
    ];

    private static readonly IndexDocument[] Documents =
    [
        new("hf-1", "住房公积金管理条例", "第二十四条", "职工可以提取住房公积金账户内的存储余额"),
        new("ss-1", "社会保险法", "第十条", "职工应当参加基本养老保险"),
        new("hk-1", "户口登记条例", "第六条", "公民应当在经常居住的地方登记为常住人口"),
    ];

    [Fact]
    public async Task SearchAsync_TopicQuery_RanksMatchingDocumentFirst()
    {
        var generator = TestEmbeddingGenerator.FromFunction(Topics);
        var index = await DenseRetriever.BuildIndexAsync(generator, Documents, batchSize: 2);
        var retriever = new DenseRetriever(generator, index);

        var hits = await retriever.SearchAsync("怎么办理社保转移", 2);

        Assert.Equal(3, index.Count);
        Assert.Equal("ss-1", hits[0].Id);
        Assert.Equal(2, hits.Count);
    }

    [Fact]
    public async Task Search_Sync_MatchesSearchAsync()
    {
        var generator = TestEmbeddingGenerator.FromFunction(Topics);
        var retriever = new DenseRetriever(generator, await DenseRetriever.BuildIndexAsync(generator, Documents));

        IRetriever sync = retriever;

        Assert.Equal(await retriever.SearchAsync("户口迁移", 3), sync.Search("户口迁移", 3));
    }

    [Fact]
    public async Task BuildIndexAsync_EmbedsTitleSectionAndText()
    {
        var seen = new List<string>();
        var generator = new TestEmbeddingGenerator
        {
            GenerateAsyncCallback = (values, _, _) =>
            {
                seen.AddRange(values);
                return Task.FromResult(new GeneratedEmbeddings<Embedding<float>>(values.Select(v => new Embedding<float>(Topics(v)))));
            },
        };

        await DenseRetriever.BuildIndexAsync(generator, Documents[..1]);

        Assert.Equal("住房公积金管理条例\n第二十四条\n职工可以提取住房公积金账户内的存储余额", Assert.Single(seen));
    }

    [Fact]
    public async Task SearchAsync_EmptyIndex_ReturnsNothingWithoutEmbedding()
    {
        var generator = new TestEmbeddingGenerator();
        var retriever = new DenseRetriever(generator, new VectorIndex(4));

        Assert.Empty(await retriever.SearchAsync("公积金", 5));
    }

    [Fact]
    public async Task SearchAsync_Cancelled_PassesTokenToGenerator()
    {
        var generator = new TestEmbeddingGenerator
        {
            GenerateAsyncCallback = (_, _, token) => Task.FromCanceled<GeneratedEmbeddings<Embedding<float>>>(token),
        };
        var index = new VectorIndex(4);
        index.Add("x", [1, 0, 0, 0]);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new DenseRetriever(generator, index).SearchAsync("q", 1, cancelled.Token));
    }
}
