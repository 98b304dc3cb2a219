using ServiceBot.Conversation;

namespace ServiceBot.Storage;

/// <summary>Conversation state and processed-message records, saved together so a turn is never half-applied.</summary>
public interface IConversationStore
{
    Task<ConversationState?> FindAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>The user's most recently active conversation on that channel.</summary>
    Task<ConversationState?> FindLatestAsync(string channel, string userId, CancellationToken cancellationToken);

    /// <summary>The reply already given to this message, if the message was processed before.</summary>
    Task<Reply?> FindReplyAsync(string channel, string userId, string messageId, CancellationToken cancellationToken);

    /// <summary>Saves the state and, when the turn had a message id, the reply given to it, in one transaction.</summary>
    Task SaveTurnAsync(ConversationState state, string? messageId, Reply reply, CancellationToken cancellationToken);
}
