using ServiceBot.Answers;

namespace ServiceBot.Conversation;

/// <summary>What one routing step says back, before the engine wraps it into a <see cref="Reply"/>.</summary>
/// <param name="Handoff">The conversation is (or is now) with a person rather than the bot.</param>
/// <param name="Refused">The bot could not answer (no grounded answer, out of scope); repeated refusals hand off.</param>
public sealed record TurnResult(string Markdown, IReadOnlyList<Citation> Citations, IReadOnlyList<string> Suggestions, bool Handoff = false, bool Refused = false)
{
    /// <summary>The user confirmed deleting their records: the engine erases them and saves nothing of this turn.</summary>
    public bool ErasesUserData { get; init; }

    /// <summary>A knowledge answer grounded on cited clauses.</summary>
    public bool Answered { get; init; }

    /// <summary>Refused because the question lies outside the service, rather than unanswered by the knowledge.</summary>
    public bool OutOfScope { get; init; }

    public static TurnResult Text(string markdown, IReadOnlyList<string> suggestions) => new(markdown, [], suggestions);
}
