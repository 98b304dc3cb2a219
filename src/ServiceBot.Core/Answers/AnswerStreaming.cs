namespace ServiceBot.Answers;

/// <summary>
/// Where an answerer sends the text of an answer while it is still being written. A streaming channel opens a scope for
/// one turn (<see cref="Conversation.StreamingConversationEngine"/>); answerers that generate text push deltas to
/// <see cref="Current"/>, and answerers that do not (the extractive one) ignore it. The turn's final reply stays
/// authoritative: it may differ from the deltas (checked citations, a fallback answer, a form prompt after the answer).
/// </summary>
public static class AnswerStreaming
{
    private static readonly AsyncLocal<Func<string, CancellationToken, ValueTask>?> Sink = new();

    /// <summary>The current turn's delta receiver, or null when nobody is listening.</summary>
    public static Func<string, CancellationToken, ValueTask>? Current => Sink.Value;

    /// <summary>Sends deltas of answers written in this async flow to <paramref name="sink"/> until the scope is disposed.</summary>
    public static IDisposable Begin(Func<string, CancellationToken, ValueTask> sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        var previous = Sink.Value;
        Sink.Value = sink;
        return new Scope(previous);
    }

    private sealed class Scope(Func<string, CancellationToken, ValueTask>? previous) : IDisposable
    {
        public void Dispose() => Sink.Value = previous;
    }
}
