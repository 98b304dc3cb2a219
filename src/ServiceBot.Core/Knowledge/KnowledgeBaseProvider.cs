using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using ServiceBot.Hosting;
using ServiceBot.Ingestion;

namespace ServiceBot.Knowledge;

/// <summary>
/// Hands out the configured knowledge base, building or refreshing the index on first use (the incremental
/// pipeline is a no-op when nothing changed) and loading it once per process. <see cref="ReloadAsync"/> refreshes the
/// index while the old knowledge base keeps answering, then swaps the new one in with a single reference write, so a
/// reader sees either the old or the new knowledge base, never a half-built one.
/// </summary>
public sealed class KnowledgeBaseProvider(IngestionPipeline pipeline, IOptions<IndexOptions> index,
    IEmbeddingGenerator<string, Embedding<float>>? embedder = null, TimeProvider? clock = null) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile KnowledgeBase? _current;

    /// <summary>The report of the latest ingestion run (on first use or by <see cref="ReloadAsync"/>), if any.</summary>
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

    /// <summary>
    /// Runs the incremental pipeline and swaps in the knowledge base it wrote. Until the swap every caller of
    /// <see cref="GetAsync"/> keeps the previous one; when nothing changed the loaded one stays.
    /// </summary>
    public async Task<IngestionReport> ReloadAsync(IProgress<IngestionProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var report = await pipeline.RunAsync(progress, cancellationToken).ConfigureAwait(false);
            if (report.IndexRewritten || _current is null)
                _current = KnowledgeBase.Load(index.Value.FullPath, embedder, clock: clock);
            LastIngestion = report;
            return report;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
