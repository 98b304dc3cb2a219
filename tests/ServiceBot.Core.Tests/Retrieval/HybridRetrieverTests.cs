using ServiceBot.Retrieval;
using ServiceBot.Retrieval.Dense;
using ServiceBot.Retrieval.Hybrid;
using ServiceBot.Tests.Embeddings;

namespace ServiceBot.Core.Tests.Retrieval;

public sealed class HybridRetrieverTests
{
    [Fact]
    public void Search_TwoRankings_FusesByReciprocalRank()
    {
        var lexical = new FixedRetriever(["a", "b", "c"]);
        var dense = new FixedRetriever(["c", "a", "d"]);

        var hits = new HybridRetriever(lexical, dense).Search("q", 4);

        Assert.Equal(["a", "c", "b", "d"], hits.Select(h => h.Id));
        Assert.Equal(1f / 61 + 1f / 62, hits[0].Score, 6);
        Assert.Equal(1f / 63 + 1f / 61, hits[1].Score, 6);
        Assert.Equal(1f / 62, hits[2].Score, 6);
    }

    [Fact]
    public void Search_WithDenseRetrieverOverTestEmbedder_PromotesSemanticMatch()
    {
        // The embedder maps texts about rent to one direction and everything else to another.
        var embedder = TestEmbeddingGenerator.FromFunction(text => text.Contains("租") ? [1f, 0f] : [0f, 1f]);
        var vectors = VectorIndex.Build([("rent", new float[] { 1f, 0f }), ("other", new float[] { 0f, 1f })]);
        var lexical = new FixedRetriever(["other"]);

        var hits = new HybridRetriever(lexical, new DenseRetriever(embedder, vectors)).Search("房租", 2);

        Assert.Equal(["other", "rent"], hits.Select(h => h.Id)); // 1/61 + 1/62 for other, 1/61 for rent
        Assert.Equal(1f / 61, hits[1].Score, 6);
    }

    [Fact]
    public void Search_TopZero_ReturnsNothing()
        => Assert.Empty(new HybridRetriever(new FixedRetriever(["a"]), new FixedRetriever(["a"])).Search("q", 0));

    private sealed class FixedRetriever(string[] ids) : IRetriever
    {
        public IReadOnlyList<SearchHit> Search(string query, int top)
            => ids.Take(top).Select((id, i) => new SearchHit(id, 10 - i)).ToList();
    }
}
