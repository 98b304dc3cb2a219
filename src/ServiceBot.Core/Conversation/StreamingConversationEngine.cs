using System.Runtime.CompilerServices;
using System.Threading.Channels;
using ServiceBot.Answers;

namespace ServiceBot.Conversation;

/// <summary>
/// Streams any <see cref="IConversationEngine"/>: the turn runs inside an <see cref="AnswerStreaming"/> scope whose deltas
/// are yielded as they arrive, then the reply. Turn logic, dedup and state stay in the wrapped engine.
/// </summary>
public sealed class StreamingConversationEngine(IConversationEngine engine) : IStreamingConversationEngine
{
    public async IAsyncEnumerable<ReplyUpdate> StreamAsync(IncomingMessage message, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var deltas = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
        var turn = RunAsync(message, deltas.Writer, cancellationToken);
        await foreach (var delta in deltas.Reader.ReadAllAsync(cancellationToken)) yield return ReplyUpdate.Text(delta);
        yield return ReplyUpdate.Completed(await turn);
    }

    private async Task<Reply> RunAsync(IncomingMessage message, ChannelWriter<string> deltas, CancellationToken cancellationToken)
    {
        // Yield first so the reader is listening before the turn starts; the scope flows only into this turn.
        await Task.Yield();
        using var scope = AnswerStreaming.Begin((delta, _) =>
        {
            deltas.TryWrite(delta);
            return ValueTask.CompletedTask;
        });
        try
        {
            return await engine.HandleAsync(message, cancellationToken);
        }
        finally
        {
            // Ends the reader's loop; the turn's outcome (reply or exception) is then observed through the task.
            deltas.TryComplete();
        }
    }
}
