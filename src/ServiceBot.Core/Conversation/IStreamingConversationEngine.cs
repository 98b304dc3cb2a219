namespace ServiceBot.Conversation;

/// <summary>
/// The turn seam for channels that show an answer while it is written (the widget's SSE): the same turn as
/// <see cref="IConversationEngine.HandleAsync"/>, as text deltas followed by exactly one completed reply.
/// </summary>
public interface IStreamingConversationEngine
{
    /// <summary>
    /// Runs one turn. Deltas come only from generated answers (none with the offline engine); the final
    /// <see cref="ReplyUpdate.Reply"/> is authoritative and replaces the deltas shown (checked citations, a fallback, a form prompt).
    /// </summary>
    /// <exception cref="InvalidMessageException">As <see cref="IConversationEngine.HandleAsync"/>.</exception>
    IAsyncEnumerable<ReplyUpdate> StreamAsync(IncomingMessage message, CancellationToken cancellationToken);
}

/// <summary>One step of a streamed turn: a piece of answer text, or the finished reply.</summary>
public sealed record ReplyUpdate(string? Delta, Reply? Reply)
{
    public static ReplyUpdate Text(string delta) => new(delta, null);

    public static ReplyUpdate Completed(Reply reply) => new(null, reply);

    public bool IsCompleted => Reply is not null;
}
