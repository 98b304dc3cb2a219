using ServiceBot.Knowledge;
using ServiceBot.Knowledge.Chunking;
using ServiceBot.Knowledge.Validity;

namespace ServiceBot.Answers;

/// <summary>A cited clause: the document title, its section label and the full clause text.</summary>
public sealed record Citation(string Source, string Section, string Text)
{
    /// <summary>The document's standing on the service's date (CONTRACT §2): current, expired, superseded or not_yet_effective.</summary>
    public string Validity { get; init; } = ValidityStatus.Current;

    /// <summary>When the document took or takes effect, when known.</summary>
    public DateOnly? Effective { get; init; }

    /// <summary>Near-duplicates of the clause elsewhere in the knowledge (the same text in another document); left out when none.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<CitationTwin>? Twins { get; init; }

    /// <summary>The citation of <paramref name="chunk"/>, with its document's standing in <paramref name="knowledge"/> today and its twins.</summary>
    public static Citation Of(KnowledgeChunk chunk, KnowledgeBase knowledge)
    {
        var validity = knowledge.ValidityOf(chunk);
        var twins = knowledge.TwinsOf(chunk);
        return new Citation(chunk.Title, chunk.Section, chunk.Text)
        {
            Validity = validity.Status,
            Effective = validity.Effective,
            Twins = twins.Count == 0 ? null : twins.Select(t => new CitationTwin(t.Title, t.Section)).ToList(),
        };
    }
}

/// <summary>Where else a cited clause's text stands: a document title and section label.</summary>
public sealed record CitationTwin(string Source, string Section);

/// <summary>
/// A reply to a knowledge question. <see cref="Grounded"/> is false when the knowledge does not answer it;
/// then <see cref="Citations"/> is empty and the text offers the hotline or a human agent.
/// </summary>
/// <param name="Handoff">True when the conversation should pass to a human agent now.</param>
public sealed record Answer(string Markdown, bool Grounded, IReadOnlyList<Citation> Citations, bool Handoff)
{
    /// <summary>Quick replies the answer proposes (a refusal's nearest known topics); not part of the answer JSON.</summary>
    public IReadOnlyList<string> Suggestions { get; init; } = [];

    /// <summary>Not grounded because the question has nothing to do with the service (not a single domain word).</summary>
    public bool OutOfScope { get; init; }

    /// <summary>An editor's curated answer, served as written (a model never rewrites it); not part of the answer JSON.</summary>
    public bool Curated { get; init; }

    /// <summary>How the grounding rule and the refusal model decided; null for curated and empty questions. Not part of the answer JSON.</summary>
    public Refusal.GroundingDecision? Decision { get; init; }
}
