using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using ServiceBot.Hosting;
using ServiceBot.Ingestion;

namespace ServiceBot.Knowledge;

/// <summary>
/// Hands out the configured knowledge base, building or refreshing the index on first use (the incremental
/// pipeline is a no-op when nothing changed) and loading it once per process.
/// </summary>
public sealed class KnowledgeBaseProvider(IngestionPipeline pipeline, IOptions<IndexOptions> index,
    IEmbeddingGenerator<string, Embedding<float>>? embedder = null, TimeProvider? clock = null) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private KnowledgeBase? _current;

    /// <summary>The report of the ingestion run done on first use, if any.</summary>
    public IngestionReport? LastIngestion { get; private set; }

    public async Task<KnowledgeBase> GetAsync(CancellationToken cancellationToken = default)
    {
        if (_current is { } current) return current;
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_current is null)
            {
                LastIngestion = await pipeline.RunAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
                _current = KnowledgeBase.Load(index.Value.FullPath, embedder, clock: clock);
            }
            return _current;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
