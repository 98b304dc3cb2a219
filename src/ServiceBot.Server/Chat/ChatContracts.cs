using ServiceBot.Answers;
using ServiceBot.Conversation;

namespace ServiceBot.Server.Chat;

/// <summary>POST /api/chat request (CONTRACT §2).</summary>
public sealed record ChatRequest(string? UserId, string? ConversationId, string? MessageId, string? Text, string? UserToken = null);

/// <summary>POST /api/chat response (CONTRACT §2).</summary>
public sealed record ChatResponse(
    string ConversationId,
    string Reply,
    IReadOnlyList<Citation> Citations,
    IReadOnlyList<string> Suggestions,
    TaskSnapshot? Task,
    bool Handoff)
{
    /// <summary>The token later turns of this user must carry (CONTRACT §2, Identity).</summary>
    public string? UserToken { get; init; }

    public static ChatResponse From(Reply reply) =>
        new(reply.ConversationId, reply.Markdown, reply.Citations, reply.Suggestions, reply.Task, reply.Handoff);
}
