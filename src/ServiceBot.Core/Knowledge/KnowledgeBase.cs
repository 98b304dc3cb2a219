using Microsoft.Extensions.AI;
using ServiceBot.Ingestion;
using ServiceBot.Knowledge.Chunking;
using ServiceBot.Retrieval;
using ServiceBot.Retrieval.Dense;
using ServiceBot.Retrieval.Hybrid;
using ServiceBot.Retrieval.Lexical;

namespace ServiceBot.Knowledge;

/// <summary>
/// The runtime knowledge: the chunks of an index folder with their lexical index and, when present together
/// with an embedder, their dense index. Searches are hybrid (RRF) when both exist, lexical otherwise.
/// </summary>
public sealed class KnowledgeBase
{
    private readonly Dictionary<string, KnowledgeChunk> _chunks;
    private readonly IRetriever _retriever;

    public KnowledgeBase(IReadOnlyList<KnowledgeChunk> chunks, LexicalIndex lexical, IRetriever? dense = null)
    {
        Chunks = chunks;
        Lexical = lexical;
        _chunks = chunks.ToDictionary(c => c.Id, StringComparer.Ordinal);
        _retriever = dense is null ? lexical : new HybridRetriever(lexical, dense);
        IsHybrid = dense is not null;
    }

    public IReadOnlyList<KnowledgeChunk> Chunks { get; }

    public LexicalIndex Lexical { get; }

    public bool IsHybrid { get; }

    /// <summary>Loads an index folder written by <see cref="IngestionPipeline"/>; dense.bin is used only with an embedder.</summary>
    /// <exception cref="FileNotFoundException">The folder holds no index; run ingest first.</exception>
    public static KnowledgeBase Load(string indexFolder, IEmbeddingGenerator<string, Embedding<float>>? embedder = null,
        LexicalIndexOptions? lexicalOptions = null)
    {
        var files = new IndexFiles(indexFolder);
        if (!File.Exists(files.Lexical) || !File.Exists(files.Chunks))
            throw new FileNotFoundException($"No knowledge index in {files.Folder}. Run ingest first.", files.Lexical);
        var chunks = ChunkStore.Load(files.Chunks).Select(c => c.ToChunk()).ToList();
        var lexical = LexicalIndex.Load(files.Lexical, lexicalOptions);
        IRetriever? dense = embedder is not null && File.Exists(files.Dense)
            ? new DenseRetriever(embedder, VectorIndex.Load(files.Dense))
            : null;
        return new KnowledgeBase(chunks, lexical, dense);
    }

    public KnowledgeChunk? Find(string id) => _chunks.GetValueOrDefault(id);

    /// <summary>At most <paramref name="top"/> chunks, best first.</summary>
    public IReadOnlyList<RetrievedChunk> Search(string query, int top)
    {
        var hits = _retriever.Search(query, top);
        var results = new List<RetrievedChunk>(hits.Count);
        foreach (var hit in hits)
            if (_chunks.TryGetValue(hit.Id, out var chunk)) results.Add(new RetrievedChunk(chunk, hit.Score, results.Count));
        return results;
    }
}
