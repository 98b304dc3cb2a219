namespace ServiceBot.Retrieval.Dense;

public sealed partial class VectorIndex : IVectorStore
{
    Task IVectorStore.AddAsync(IReadOnlyList<(string Id, ReadOnlyMemory<float> Vector)> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        foreach (var (id, vector) in items) Add(id, vector.Span);
        return Task.CompletedTask;
    }

    Task<IReadOnlyList<SearchHit>> IVectorStore.SearchAsync(ReadOnlyMemory<float> query, int top, CancellationToken cancellationToken)
        => Task.FromResult(Search(query.Span, top));

    Task<long> IVectorStore.CountAsync(CancellationToken cancellationToken) => Task.FromResult((long)Count);
}
