using System.Numerics.Tensors;
using ServiceBot.Retrieval.Dense;

namespace ServiceBot.Tests.Retrieval.Dense;

/// <summary>Behaviour every <see cref="IVectorStore"/> must show; each store's test class runs these against a fresh store.</summary>
public static class VectorStoreContract
{
    public const int Dimensions = 8;

    public static async Task Search_RandomData_MatchesBruteForceRanking(IVectorStore store)
    {
        var random = new Random(11);
        var items = Enumerable.Range(0, 50).Select(i => ($"item-{i}", (ReadOnlyMemory<float>)RandomVector(random))).ToList();
        await store.AddAsync(items);

        var query = RandomVector(random);
        var expected = items.OrderByDescending(p => TensorPrimitives.CosineSimilarity(p.Item2.Span, query)).Take(5).Select(p => p.Item1);

        var hits = await store.SearchAsync(query, 5);

        Assert.Equal(expected, hits.Select(h => h.Id));
        Assert.Equal(TensorPrimitives.CosineSimilarity(items.Single(p => p.Item1 == hits[0].Id).Item2.Span, query), hits[0].Score, 1e-4f);
        Assert.Equal(50, await store.CountAsync());
    }

    public static async Task Search_EmptyStore_ReturnsNothing(IVectorStore store)
    {
        Assert.Empty(await store.SearchAsync(RandomVector(new Random(1)), 3));
        Assert.Equal(0, await store.CountAsync());
    }

    public static async Task Search_NonAsciiIds_ComeBackUnchanged(IVectorStore store)
    {
        await store.AddAsync([("住房公积金管理条例#第二十四条", new float[] { 1, 0, 0, 0, 0, 0, 0, 0 })]);

        var hit = Assert.Single(await store.SearchAsync(new float[] { 1, 0, 0, 0, 0, 0, 0, 0 }, 3));

        Assert.Equal("住房公积金管理条例#第二十四条", hit.Id);
    }

    public static async Task Add_WrongDimensions_Throws(IVectorStore store)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => store.AddAsync([("x", new float[Dimensions + 1])]));
    }

    private static float[] RandomVector(Random random)
    {
        var vector = new float[Dimensions];
        for (var i = 0; i < vector.Length; i++) vector[i] = (float)(random.NextDouble() * 2 - 1);
        return vector;
    }
}
