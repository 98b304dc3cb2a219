using ServiceBot.Answers;
using ServiceBot.Conversation;

namespace ServiceBot.Server.Widget;

/// <summary>A reply in the <c>POST /api/chat</c> response shape (CONTRACT §2).</summary>
public sealed record ChatReplyJson(
    string ConversationId,
    string Reply,
    IReadOnlyList<CitationJson> Citations,
    IReadOnlyList<string> Suggestions,
    TaskJson? Task,
    bool Handoff)
{
    public static ChatReplyJson From(Reply reply) => new(
        reply.ConversationId,
        reply.Markdown,
        reply.Citations.Select(CitationJson.From).ToList(),
        reply.Suggestions,
        reply.Task is { } task ? new TaskJson(task.Name, task.State, task.Slots, task.Missing, task.Ticket) : null,
        reply.Handoff);
}

public sealed record CitationJson(string Source, string Section, string Text)
{
    public static CitationJson From(Citation citation) => new(citation.Source, citation.Section, citation.Text);
}

public sealed record TaskJson(
    string Name,
    string State,
    IReadOnlyDictionary<string, string> Slots,
    IReadOnlyList<string> Missing,
    string? Ticket);
