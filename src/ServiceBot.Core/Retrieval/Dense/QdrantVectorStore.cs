using System.Security.Cryptography;
using System.Text;
using Qdrant.Client;
using Qdrant.Client.Grpc;

namespace ServiceBot.Retrieval.Dense;

/// <summary>
/// <see cref="IVectorStore"/> over one Qdrant collection (gRPC, cosine distance). Qdrant point ids must be
/// integers or UUIDs, so each string id maps to a UUID derived from its hash and travels in the payload.
/// </summary>
public sealed class QdrantVectorStore : IVectorStore, IDisposable
{
    private const string IdField = "id";
    private readonly QdrantClient _client;
    private readonly string _collection;

    private QdrantVectorStore(QdrantClient client, string collection, int dimensions)
    {
        _client = client;
        _collection = collection;
        Dimensions = dimensions;
    }

    public int Dimensions { get; }

    /// <summary>Connects and creates the collection when it does not exist yet.</summary>
    /// <param name="endpoint">gRPC address, e.g. <c>http://localhost:6334</c>.</param>
    public static async Task<QdrantVectorStore> OpenAsync(
        Uri endpoint, string collection, int dimensions, string? apiKey = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentException.ThrowIfNullOrWhiteSpace(collection);
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);

        var client = new QdrantClient(endpoint, apiKey);
        var store = new QdrantVectorStore(client, collection, dimensions);
        if (!await client.CollectionExistsAsync(collection, cancellationToken).ConfigureAwait(false))
        {
            await client.CreateCollectionAsync(collection, new VectorParams { Size = (ulong)dimensions, Distance = Distance.Cosine },
                cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        return store;
    }

    public async Task AddAsync(IReadOnlyList<(string Id, ReadOnlyMemory<float> Vector)> items, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        var points = new List<PointStruct>(items.Count);
        foreach (var (id, vector) in items)
        {
            ArgumentNullException.ThrowIfNull(id);
            if (vector.Length != Dimensions)
                throw new ArgumentException($"Vector for '{id}' has {vector.Length} dimensions; the store holds {Dimensions}.", nameof(items));
            points.Add(new PointStruct { Id = PointIdFor(id), Vectors = vector.ToArray(), Payload = { [IdField] = id } });
        }
        if (points.Count > 0)
            await _client.UpsertAsync(_collection, points, wait: true, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<SearchHit>> SearchAsync(ReadOnlyMemory<float> query, int top, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(top);
        if (query.Length != Dimensions)
            throw new ArgumentException($"Query has {query.Length} dimensions; the store holds {Dimensions}.", nameof(query));
        if (top == 0) return [];
        var points = await _client.QueryAsync(_collection, query: query.ToArray(), limit: (ulong)top, payloadSelector: true, cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        return points.Select(p => new SearchHit(p.Payload[IdField].StringValue, p.Score)).ToList();
    }

    public async Task<long> CountAsync(CancellationToken cancellationToken = default)
        => (long)await _client.CountAsync(_collection, exact: true, cancellationToken: cancellationToken).ConfigureAwait(false);

    /// <summary>Deletes the whole collection on the server.</summary>
    public Task DropCollectionAsync(CancellationToken cancellationToken = default)
        => _client.DeleteCollectionAsync(_collection, cancellationToken: cancellationToken);

    public void Dispose() => _client.Dispose();

    private static Guid PointIdFor(string id) => new(SHA256.HashData(Encoding.UTF8.GetBytes(id)).AsSpan(0, 16));
}
