namespace ServiceBot.Server.Widget;

/// <summary>
/// Wakes the widget's live subscriptions of a conversation when an agent writes to it. A subscription also looks
/// at the transcript on a short period, so a line written by another replica arrives too, only a little later.
/// </summary>
public sealed class LiveTranscripts
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, TaskCompletionSource> _waiting = new(StringComparer.Ordinal);

    /// <summary>Completes when <see cref="Pulse"/> is called for the conversation, or after <paramref name="timeout"/>.</summary>
    public async Task WaitAsync(string conversationId, TimeSpan timeout, CancellationToken cancellationToken)
    {
        Task signal;
        lock (_gate)
        {
            if (!_waiting.TryGetValue(conversationId, out var source))
                _waiting[conversationId] = source = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            signal = source.Task;
        }
        try
        {
            await signal.WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            // The periodic look at the transcript.
        }
    }

    public void Pulse(string conversationId)
    {
        TaskCompletionSource? source;
        lock (_gate)
        {
            if (_waiting.Remove(conversationId, out source)) source.TrySetResult();
        }
    }
}
