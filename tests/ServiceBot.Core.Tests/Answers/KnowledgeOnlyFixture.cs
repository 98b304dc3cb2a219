using Microsoft.Extensions.Options;
using ServiceBot.Core.Tests.Knowledge;
using ServiceBot.Hosting;
using ServiceBot.Ingestion;
using ServiceBot.Knowledge;

namespace ServiceBot.Core.Tests.Answers;

/// <summary>The real pipeline run once over the repository's knowledge/ alone (no shared laws), into a temp index.</summary>
public sealed class KnowledgeOnlyFixture : IDisposable
{
    private readonly TempFolder _index = new();

    public KnowledgeOnlyFixture()
    {
        var pipeline = new IngestionPipeline(Options.Create(new KnowledgeOptions()), Options.Create(new IndexOptions()));
        Report = pipeline.RunAsync([KnowledgePaths.KnowledgeFolder], _index.Path).GetAwaiter().GetResult();
        Knowledge = KnowledgeBase.Load(_index.Path);
    }

    public IngestionReport Report { get; }

    public KnowledgeBase Knowledge { get; }

    public void Dispose() => _index.Dispose();
}
