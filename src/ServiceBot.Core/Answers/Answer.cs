namespace ServiceBot.Answers;

/// <summary>A cited clause: the document title, its section label and the full clause text.</summary>
public sealed record Citation(string Source, string Section, string Text);

/// <summary>
/// A reply to a knowledge question. <see cref="Grounded"/> is false when the knowledge does not answer it;
/// then <see cref="Citations"/> is empty and the text offers the hotline or a human agent.
/// </summary>
/// <param name="Handoff">True when the conversation should pass to a human agent now.</param>
public sealed record Answer(string Markdown, bool Grounded, IReadOnlyList<Citation> Citations, bool Handoff)
{
    /// <summary>Quick replies the answer proposes (a refusal's nearest known topics); not part of the answer JSON.</summary>
    public IReadOnlyList<string> Suggestions { get; init; } = [];
}
