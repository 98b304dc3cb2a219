using Microsoft.Extensions.Options;
using ServiceBot.Core.Tests.Knowledge;
using ServiceBot.Hosting;
using ServiceBot.Ingestion;
using ServiceBot.Knowledge;

namespace ServiceBot.Core.Tests.Answers;

/// <summary>The real ingestion pipeline run once over some knowledge folders, into a temp index.</summary>
public abstract class IngestedKnowledgeFixture : IDisposable
{
    private readonly TempFolder _index = new();

    protected IngestedKnowledgeFixture(params string[] knowledgeFolders)
    {
        var pipeline = new IngestionPipeline(Options.Create(new KnowledgeOptions()), Options.Create(new IndexOptions()));
        Report = pipeline.RunAsync(knowledgeFolders, _index.Path).GetAwaiter().GetResult();
        Knowledge = KnowledgeBase.Load(_index.Path);
    }

    public IngestionReport Report { get; }

    public KnowledgeBase Knowledge { get; }

    public void Dispose() => _index.Dispose();
}

/// <summary>The repository's knowledge/ and the law fixtures (excerpts of a few laws).</summary>
public sealed class RealKnowledgeFixture() : IngestedKnowledgeFixture(KnowledgePaths.KnowledgeFolder, KnowledgePaths.LawsFolder);

/// <summary>The repository's knowledge/ alone (no laws).</summary>
public sealed class KnowledgeOnlyFixture() : IngestedKnowledgeFixture(KnowledgePaths.KnowledgeFolder);
