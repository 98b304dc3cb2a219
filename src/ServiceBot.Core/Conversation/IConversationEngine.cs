namespace ServiceBot.Conversation;

/// <summary>The one seam every channel talks to: a user turn in, the reply out.</summary>
public interface IConversationEngine
{
    /// <summary>
    /// Runs one turn. A message id seen before returns the stored reply without running the turn again.
    /// Throws <see cref="InvalidMessageException"/> for input that cannot be processed (empty or oversized text).
    /// </summary>
    Task<Reply> HandleAsync(IncomingMessage message, CancellationToken cancellationToken);
}
