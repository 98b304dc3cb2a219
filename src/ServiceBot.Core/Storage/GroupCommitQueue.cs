using System.Threading.Channels;

namespace ServiceBot.Storage;

/// <summary>
/// The queue behind a group commit: one writer takes every write queued while the previous group ran (up to
/// <see cref="MaximumGroup"/>) and hands them to <c>commit</c> as one group, which completes each write once its
/// transaction is settled. Whatever <c>commit</c> leaves uncompleted when it throws gets its error. A write whose caller
/// gave up before its group started is not written. Disposing stops new writes and waits for the queued ones.
/// </summary>
internal sealed class GroupCommitQueue<TWrite, TResult> : IAsyncDisposable
{
    // Bounds how long the first write of a group waits for the last one.
    internal const int MaximumGroup = 256;

    private readonly Func<IReadOnlyList<PendingWrite<TWrite, TResult>>, Task> _commit;
    private readonly Channel<PendingWrite<TWrite, TResult>> _queue =
        Channel.CreateUnbounded<PendingWrite<TWrite, TResult>>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writer;

    /// <param name="commit">Writes one group in one transaction and completes each of its writes.</param>
    public GroupCommitQueue(Func<IReadOnlyList<PendingWrite<TWrite, TResult>>, Task> commit)
    {
        _commit = commit;
        _writer = Task.Run(WriteGroupsAsync);
    }

    /// <summary>Queues one write; completes once the transaction holding it is committed, or with its error.</summary>
    public Task<TResult> WriteAsync(TWrite write, CancellationToken cancellationToken)
    {
        // Continuations run off the writer, so a caller never delays the next group.
        var pending = new PendingWrite<TWrite, TResult>(write, new TaskCompletionSource<TResult>(TaskCreationOptions.RunContinuationsAsynchronously),
            cancellationToken);
        if (!_queue.Writer.TryWrite(pending)) throw new ObjectDisposedException(GetType().Name);
        return pending.Completion.Task;
    }

    private async Task WriteGroupsAsync()
    {
        var group = new List<PendingWrite<TWrite, TResult>>(MaximumGroup);
        while (await _queue.Reader.WaitToReadAsync())
        {
            group.Clear();
            while (group.Count < MaximumGroup && _queue.Reader.TryRead(out var pending))
            {
                if (pending.CancellationToken.IsCancellationRequested) pending.Completion.TrySetCanceled(pending.CancellationToken);
                else group.Add(pending);
            }
            if (group.Count == 0) continue;
            try
            {
                await _commit(group);
            }
            catch (Exception e)
            {
                foreach (var pending in group) pending.Completion.TrySetException(e);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer;
    }
}

/// <summary>One queued write of a group commit and the task its caller awaits.</summary>
internal sealed record PendingWrite<TWrite, TResult>(TWrite Write, TaskCompletionSource<TResult> Completion, CancellationToken CancellationToken);
