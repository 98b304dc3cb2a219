using Microsoft.Extensions.AI;

namespace ServiceBot.Retrieval.Dense;

/// <summary>Embeds the query and ranks a <see cref="VectorIndex"/> by cosine similarity.</summary>
public sealed class DenseRetriever(IEmbeddingGenerator<string, Embedding<float>> generator, VectorIndex index) : IRetriever
{
    private readonly IEmbeddingGenerator<string, Embedding<float>> _generator = generator ?? throw new ArgumentNullException(nameof(generator));
    private readonly VectorIndex _index = index ?? throw new ArgumentNullException(nameof(index));

    /// <summary>Blocks on the generator; prefer <see cref="SearchAsync"/> where the caller is asynchronous.</summary>
    public IReadOnlyList<SearchHit> Search(string query, int top) => SearchAsync(query, top).GetAwaiter().GetResult();

    public async Task<IReadOnlyList<SearchHit>> SearchAsync(string query, int top, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegative(top);
        if (top == 0 || _index.Count == 0) return [];
        var vector = await _generator.GenerateVectorAsync(query, cancellationToken: cancellationToken).ConfigureAwait(false);
        return _index.Search(vector.Span, top);
    }

    /// <summary>What is embedded for a document: title, section and text, one per line.</summary>
    public static string EmbeddingText(IndexDocument document)
        => string.Join('\n', new[] { document.Title, document.Section, document.Text }.Where(s => !string.IsNullOrWhiteSpace(s)));

    /// <summary>Embeds documents (title, section and text together) in batches and indexes them by id.</summary>
    public static async Task<VectorIndex> BuildIndexAsync(
        IEmbeddingGenerator<string, Embedding<float>> generator,
        IEnumerable<IndexDocument> documents,
        int batchSize = 32,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(generator);
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);

        VectorIndex? index = null;
        foreach (var batch in documents.Chunk(batchSize))
        {
            var texts = batch.Select(EmbeddingText);
            var embeddings = await generator.GenerateAsync(texts, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (embeddings.Count != batch.Length)
                throw new InvalidOperationException($"The embedding generator returned {embeddings.Count} vectors for {batch.Length} inputs.");
            for (var i = 0; i < batch.Length; i++)
            {
                index ??= new VectorIndex(embeddings[i].Vector.Length);
                index.Add(batch[i].Id, embeddings[i].Vector.Span);
            }
        }
        return index ?? throw new ArgumentException("No documents to index.", nameof(documents));
    }
}
