using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace ServiceBot.Llm;

/// <summary>
/// Bounds how long the inner client may take: a whole response, or for a stream the wait for each next update.
/// Running out throws <see cref="TimeoutException"/>, told apart from the caller's own cancellation, which passes through.
/// </summary>
public sealed class TimeoutChatClient : DelegatingChatClient
{
    public TimeoutChatClient(IChatClient innerClient, TimeSpan timeout) : base(innerClient)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        Timeout = timeout;
    }

    public TimeSpan Timeout { get; }

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(Timeout);
        try
        {
            return await base.GetResponseAsync(messages, options, timer.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw TimedOut(exception);
        }
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages,
        ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(Timeout);
        await using var updates = base.GetStreamingResponseAsync(messages, options, timer.Token).GetAsyncEnumerator(timer.Token);
        while (true)
        {
            try
            {
                if (!await updates.MoveNextAsync().ConfigureAwait(false)) yield break;
            }
            catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
            {
                throw TimedOut(exception);
            }
            // A slow but steady stream is healthy: the clock restarts with every update.
            timer.CancelAfter(Timeout);
            yield return updates.Current;
        }
    }

    private TimeoutException TimedOut(Exception inner) => new($"The model did not answer within {Timeout.TotalSeconds:0.###} s.", inner);
}
