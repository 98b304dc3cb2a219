using ServiceBot.Answers;
using ServiceBot.Conversation;
using ServiceBot.Tasks;

namespace ServiceBot.Server.Chat;

/// <summary>POST /api/chat request (CONTRACT §2).</summary>
/// <param name="Place">A door-plate code (the page's <c>?place=</c>): the conversation continues at that place; an unknown code is ignored.</param>
public sealed record ChatRequest(string? UserId, string? ConversationId, string? MessageId, string? Text, string? UserToken = null, string? Place = null);

/// <summary>POST /api/chat response (CONTRACT §2).</summary>
public sealed record ChatResponse(
    string ConversationId,
    string Reply,
    IReadOnlyList<Citation> Citations,
    IReadOnlyList<string> Suggestions,
    TaskSnapshot? Task,
    bool Handoff)
{
    /// <summary>True on a refusal, which the widget lets the user rate as it does a cited answer; left out otherwise.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)]
    public bool Refused { get; init; }

    /// <summary>The token later turns of this user must carry (CONTRACT §2, Identity).</summary>
    public string? UserToken { get; init; }

    /// <summary>The reply as it leaves the server: personal numbers in the task snapshot masked (full values go only to the backend).</summary>
    public static ChatResponse From(Reply reply) =>
        new(reply.ConversationId, reply.Markdown, reply.Citations, reply.Suggestions, Masked(reply.Task), reply.Handoff) { Refused = reply.Refused };

    private static TaskSnapshot? Masked(TaskSnapshot? task) => task is null ? null : task with
    {
        Slots = task.Slots.ToDictionary(s => s.Key, s => SlotFormatter.MaskBySlotId(s.Key, s.Value), StringComparer.Ordinal),
    };
}
