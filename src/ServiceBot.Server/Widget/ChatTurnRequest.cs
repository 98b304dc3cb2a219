namespace ServiceBot.Server.Widget;

/// <summary>The body of <c>POST /api/chat/stream</c>: the same fields as <c>POST /api/chat</c>.</summary>
public sealed record ChatTurnRequest(string? UserId, string? ConversationId, string? MessageId, string? Text)
{
    /// <summary>Field errors found before the engine is called; the engine checks lengths and ownership itself.</summary>
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(UserId)) errors["userId"] = ["userId 不能为空。"];
        if (string.IsNullOrWhiteSpace(Text)) errors["text"] = ["text 不能为空。"];
        return errors;
    }
}
