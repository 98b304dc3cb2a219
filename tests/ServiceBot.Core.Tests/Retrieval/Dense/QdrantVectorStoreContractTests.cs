using ServiceBot.Retrieval.Dense;

namespace ServiceBot.Tests.Retrieval.Dense;

/// <summary>Runs only against a live server named by QDRANT_URL (gRPC address, e.g. http://localhost:6334).</summary>
public sealed class QdrantFactAttribute : FactAttribute
{
    public static string? Url => Environment.GetEnvironmentVariable("QDRANT_URL");

    public QdrantFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(Url)) Skip = "QDRANT_URL is not set; the Qdrant contract tests need a running Qdrant server.";
    }
}

public sealed class QdrantVectorStoreContractTests : IAsyncLifetime
{
    private readonly List<QdrantVectorStore> _stores = [];

    private async Task<IVectorStore> NewStore()
    {
        // A fresh collection per test keeps tests independent on a shared server.
        var store = await QdrantVectorStore.OpenAsync(new Uri(QdrantFactAttribute.Url!), "servicebot-test-" + Guid.NewGuid().ToString("N"),
            VectorStoreContract.Dimensions, Environment.GetEnvironmentVariable("QDRANT_API_KEY"));
        _stores.Add(store);
        return store;
    }

    [QdrantFact]
    public async Task Search_RandomData_MatchesBruteForceRanking() => await VectorStoreContract.Search_RandomData_MatchesBruteForceRanking(await NewStore());

    [QdrantFact]
    public async Task Search_EmptyStore_ReturnsNothing() => await VectorStoreContract.Search_EmptyStore_ReturnsNothing(await NewStore());

    [QdrantFact]
    public async Task Search_NonAsciiIds_ComeBackUnchanged() => await VectorStoreContract.Search_NonAsciiIds_ComeBackUnchanged(await NewStore());

    [QdrantFact]
    public async Task Add_WrongDimensions_Throws() => await VectorStoreContract.Add_WrongDimensions_Throws(await NewStore());

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var store in _stores)
        {
            await store.DropCollectionAsync();
            store.Dispose();
        }
    }
}
