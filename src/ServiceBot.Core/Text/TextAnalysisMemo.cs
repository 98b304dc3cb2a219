using System.Collections.Concurrent;

namespace ServiceBot.Text;

/// <summary>
/// Recent results of a pure analysis of a text (spelling correction, query analysis), so that one turn does not analyse
/// the same text again for each stage that reads it (routing, retrieval, grounding, follow-ups over earlier messages).
/// Bounded: past <paramref name="capacity"/> entries it starts afresh. Forgotten when jieba's shared dictionary gains
/// words (<see cref="SegmenterResources.Version"/>), since segmentation, and so every result, may then differ.
/// </summary>
/// <typeparam name="TResult">An immutable result, shared by every caller that asks for the same text.</typeparam>
internal sealed class TextAnalysisMemo<TResult>(int capacity) where TResult : class
{
    private sealed record Generation(int DictionaryVersion)
    {
        public ConcurrentDictionary<string, TResult> Results { get; } = new(StringComparer.Ordinal);

        public int Count;
    }

    private Generation _current = new(SegmenterResources.Version);

    public int Capacity { get; } = capacity > 0 ? capacity : throw new ArgumentOutOfRangeException(nameof(capacity));

    public TResult GetOrAdd(string text, Func<string, TResult> analyse)
    {
        var version = SegmenterResources.Version;
        var generation = Volatile.Read(ref _current);
        if (generation.DictionaryVersion != version)
        {
            var fresh = new Generation(version);
            generation = Interlocked.CompareExchange(ref _current, fresh, generation) == generation ? fresh : Volatile.Read(ref _current);
        }
        if (generation.Results.TryGetValue(text, out var known)) return known;

        var result = analyse(text);
        // Kept only if the dictionary did not change while it was computed.
        if (SegmenterResources.Version != generation.DictionaryVersion) return result;
        if (Interlocked.Increment(ref generation.Count) > Capacity)
        {
            Interlocked.CompareExchange(ref _current, new Generation(generation.DictionaryVersion), generation);
            return result;
        }
        return generation.Results.GetOrAdd(text, result);
    }
}
