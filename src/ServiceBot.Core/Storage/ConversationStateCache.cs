using System.Collections.Concurrent;
using ServiceBot.Conversation;
using ServiceBot.Storage.Protection;

namespace ServiceBot.Storage;

/// <summary>
/// The state of recently active conversations as this process last wrote or read it: the row's version stamp, the
/// decrypted UTF-8 JSON and the history read with it. A store asks the database for the row's stamp and reads, decrypts and keeps the state again
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
    private Generation _current = new();
    private Generation _previous = new();

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
        var current = _current;
        if (current.States.TryGetValue(conversationId, out var cached)) return cached;
        if (!_previous.States.TryGetValue(conversationId, out cached)) return null;
        // Still in use: moved up so the next rotation keeps it.
        if (current.States.TryAdd(conversationId, cached)) Added(current);
        return cached;
    }

    /// <summary>
    /// The state in a stored row (<see cref="StateJson.Unprotect"/>) and its history rows, remembered under its version
    /// when it is stored as bytes; a row in text, as earlier versions wrote it, is read whole every time, so caching it
    /// would never pay.
    /// </summary>
    /// <param name="history">The history rows the row names, or null for a row holding its history inline, as earlier versions wrote it.</param>
    public ConversationState? Read(string conversationId, long version, object stored, StoredHistory? history, IStateProtector protector)
    {
        var json = StateJson.Unprotect(stored, protector);
        var state = StateJson.ParseState(json);
        if (state is not null && history is not null) state.History.AddRange(history.Turns);
        if (stored is byte[]) Remember(conversationId, version, json, history);
        return state;
    }

    /// <param name="json">The state's JSON: without its history when <paramref name="history"/> holds it, whole otherwise.</param>
    public void Remember(string conversationId, long version, byte[] json, StoredHistory? history)
    {
        var current = _current;
        var state = new CachedState(version, json, history);
        if (current.States.TryAdd(conversationId, state)) Added(current);
        else current.States[conversationId] = state;
    }

    public void Forget(string conversationId)
    {
        _current.States.TryRemove(conversationId, out _);
        _previous.States.TryRemove(conversationId, out _);
    }

    // Counted on insertion: ConcurrentDictionary.Count takes every lock of the table, too dear on each turn's write.
    private void Added(Generation generation)
    {
        if (Interlocked.Increment(ref generation.Additions) > _generationSize) Rotate(generation);
    }

    private void Rotate(Generation full)
    {
        lock (_rotation)
        {
            if (!ReferenceEquals(full, _current)) return;
            _previous = full;
            _current = new Generation();
        }
    }

    private sealed class Generation
    {
        public readonly ConcurrentDictionary<string, CachedState> States = new(StringComparer.Ordinal);

        /// <summary>Entries added so far (removals not subtracted): the generation rotates once this passes its size.</summary>
        public int Additions;
    }
}

/// <summary>
/// A conversation's state as of the row version <see cref="Version"/>, as decrypted UTF-8 JSON, and its stored history
/// (null when the JSON holds the history, as rows of earlier versions do).
/// </summary>
internal sealed record CachedState(long Version, byte[] Json, StoredHistory? History)
{
    /// <summary>
    /// A fresh copy of the state, which the caller may change. Its history holds the cached exchanges themselves
    /// (immutable records), which is how a save tells them from new ones (<see cref="HistoryWrite.For"/>).
    /// </summary>
    public ConversationState Parse()
    {
        var state = StateJson.ParseState(Json) ?? throw new InvalidDataException("A cached conversation state is empty.");
        if (History is not null) state.History.AddRange(History.Turns);
        return state;
    }
}
