namespace ServiceBot.Retrieval.Dense;

/// <summary>A cosine-similarity vector store: the in-process <see cref="VectorIndex"/> or an external server.</summary>
public interface IVectorStore
{
    int Dimensions { get; }

    /// <summary>Adds vectors under ids not yet in the store.</summary>
    Task AddAsync(IReadOnlyList<(string Id, ReadOnlyMemory<float> Vector)> items, CancellationToken cancellationToken = default);

    /// <summary>Returns up to <paramref name="top"/> ids by descending cosine similarity.</summary>
    Task<IReadOnlyList<SearchHit>> SearchAsync(ReadOnlyMemory<float> query, int top, CancellationToken cancellationToken = default);

    Task<long> CountAsync(CancellationToken cancellationToken = default);
}
