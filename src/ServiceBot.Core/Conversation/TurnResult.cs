using ServiceBot.Answers;

namespace ServiceBot.Conversation;

/// <summary>What one routing step says back, before the engine wraps it into a <see cref="Reply"/>.</summary>
public sealed record TurnResult(string Markdown, IReadOnlyList<Citation> Citations, IReadOnlyList<string> Suggestions, bool Handoff = false)
{
    public static TurnResult Text(string markdown, IReadOnlyList<string> suggestions) => new(markdown, [], suggestions);
}
