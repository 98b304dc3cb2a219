using System.Text.Json;
using ServiceBot.Conversation;
using ServiceBot.Storage;

namespace ServiceBot.Core.Tests.Conversation;

/// <summary>
/// A store that keeps each saved state as JSON, so every turn starts from a deserialised copy as with a real
/// database (and state that does not round-trip fails the tests).
/// </summary>
internal sealed class InMemoryConversationStore : IConversationStore
{
    private readonly Dictionary<string, string> _states = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, string, string), Reply> _replies = [];

    public int Saves { get; private set; }

    public Task<ConversationState?> FindAsync(string conversationId, CancellationToken cancellationToken)
        => Task.FromResult(_states.TryGetValue(conversationId, out var json) ? JsonSerializer.Deserialize<ConversationState>(json) : null);

    public Task<ConversationState?> FindLatestAsync(string channel, string userId, CancellationToken cancellationToken)
        => Task.FromResult(_states.Values
            .Select(json => JsonSerializer.Deserialize<ConversationState>(json)!)
            .Where(s => s.Channel == channel && s.UserId == userId)
            .MaxBy(s => s.UpdatedAt));

    public Task<Reply?> FindReplyAsync(string channel, string userId, string messageId, CancellationToken cancellationToken)
        => Task.FromResult(_replies.GetValueOrDefault((channel, userId, messageId)));

    public Task SaveTurnAsync(ConversationState state, string? messageId, Reply reply, CancellationToken cancellationToken)
    {
        Saves++;
        _states[state.ConversationId] = JsonSerializer.Serialize(state);
        if (messageId is not null) _replies[(state.Channel, state.UserId, messageId)] = reply;
        return Task.CompletedTask;
    }
}
