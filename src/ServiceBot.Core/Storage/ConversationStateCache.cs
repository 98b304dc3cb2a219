using System.Collections.Concurrent;
using ServiceBot.Conversation;

namespace ServiceBot.Storage;

/// <summary>
/// The state of recently active conversations as this process last wrote or read it: the row's version stamp and the
/// decrypted UTF-8 JSON. A store asks the database for the row's stamp and reads, decrypts and keeps the state again
/// only when the stamp differs, so a write by another replica or process is never hidden. Each lookup parses a fresh
/// <see cref="ConversationState"/>, so a caller that changes its copy never changes the cached one.
/// Bounded by two generations: when the newer one fills up, the older one is dropped and entries still in use move up.
/// </summary>
internal sealed class ConversationStateCache
{
    /// <summary>Conversations per generation: enough for every conversation active in the last minutes of a busy server.</summary>
    public const int DefaultGenerationSize = 4096;

    private readonly int _generationSize;
    private readonly Lock _rotation = new();
    private ConcurrentDictionary<string, CachedState> _current = new(StringComparer.Ordinal);
    private ConcurrentDictionary<string, CachedState> _previous = new(StringComparer.Ordinal);

    public ConversationStateCache(int generationSize = DefaultGenerationSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(generationSize, 1);
        _generationSize = generationSize;
    }

    /// <summary>A new stamp for a row being written. Random rather than counted, so a row deleted and written again never repeats one.</summary>
    public static long NewVersion() => Random.Shared.NextInt64(1, long.MaxValue);

    /// <summary>The cached state of the conversation, if any: the caller checks its stamp against the row's.</summary>
    public CachedState? Find(string conversationId)
    {
        if (_current.TryGetValue(conversationId, out var cached)) return cached;
        if (!_previous.TryGetValue(conversationId, out cached)) return null;
        // Still in use: moved up so the next rotation keeps it.
        _current.TryAdd(conversationId, cached);
        return cached;
    }

    public void Remember(string conversationId, long version, byte[] json)
    {
        var current = _current;
        current[conversationId] = new CachedState(version, json);
        if (current.Count > _generationSize) Rotate(current);
    }

    public void Forget(string conversationId)
    {
        _current.TryRemove(conversationId, out _);
        _previous.TryRemove(conversationId, out _);
    }

    private void Rotate(ConcurrentDictionary<string, CachedState> full)
    {
        lock (_rotation)
        {
            if (!ReferenceEquals(full, _current)) return;
            _previous = full;
            _current = new ConcurrentDictionary<string, CachedState>(StringComparer.Ordinal);
        }
    }

}

/// <summary>A conversation's state as of the row version <see cref="Version"/>, as decrypted UTF-8 JSON.</summary>
internal sealed record CachedState(long Version, byte[] Json)
{
    /// <summary>A fresh copy of the state, which the caller may change.</summary>
    public ConversationState Parse() => StateJson.ParseState(Json)
        ?? throw new InvalidDataException("A cached conversation state is empty.");
}
