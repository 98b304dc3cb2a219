using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace ServiceBot.Storage;

/// <summary>
/// A single writer that commits the writes queued while the previous commit ran in one transaction: with
/// <c>synchronous = FULL</c> every commit waits for the disk (milliseconds each), so one commit per write would cap a
/// busy file at a few hundred writes a second, while a group pays for one wait. Each write runs in turn on the same
/// transaction, so it sees the rows the writes before it added; its caller hears back only once the group is on disk.
/// If anything in a group fails, nothing of the group is committed and every caller in it gets the error.
/// The writer holds the file's <see cref="SqliteWriteGate"/> while it commits, so it never meets the file's other writers.
/// </summary>
public sealed class SqliteGroupCommit<TWrite, TResult> : IAsyncDisposable
{
    // Bounds how long the first write of a group waits for the last one.
    private const int MaximumGroup = 256;

    private readonly Func<CancellationToken, Task<SqliteConnection>> _open;
    private readonly Func<SqliteConnection, SqliteTransaction, TWrite, Task<TResult>> _write;
    private readonly SqliteWriteGate _gate;
    private readonly Channel<Queued> _queue = Channel.CreateUnbounded<Queued>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writer;

    /// <param name="connectionString">The file, for its write gate.</param>
    /// <param name="open">Opens a connection to the file, set up as its store wants.</param>
    /// <param name="write">One write, inside the group's transaction.</param>
    public SqliteGroupCommit(string connectionString, Func<CancellationToken, Task<SqliteConnection>> open,
        Func<SqliteConnection, SqliteTransaction, TWrite, Task<TResult>> write)
    {
        _gate = SqliteWriteGate.For(connectionString);
        _open = open;
        _write = write;
        _writer = Task.Run(WriteGroupsAsync);
    }

    /// <summary>Queues one write; completes once the transaction holding it is committed.</summary>
    public Task<TResult> WriteAsync(TWrite write, CancellationToken cancellationToken)
    {
        // Continuations run off the writer, so a caller never delays the next group.
        var queued = new Queued(write, new TaskCompletionSource<TResult>(TaskCreationOptions.RunContinuationsAsynchronously), cancellationToken);
        if (!_queue.Writer.TryWrite(queued)) throw new ObjectDisposedException(GetType().Name);
        return queued.Completion.Task;
    }

    private async Task WriteGroupsAsync()
    {
        var group = new List<Queued>(MaximumGroup);
        while (await _queue.Reader.WaitToReadAsync())
        {
            group.Clear();
            while (group.Count < MaximumGroup && _queue.Reader.TryRead(out var queued))
            {
                // A caller that gave up before its turn is not written at all.
                if (queued.CancellationToken.IsCancellationRequested) queued.Completion.TrySetCanceled(queued.CancellationToken);
                else group.Add(queued);
            }
            if (group.Count > 0) await CommitAsync(group);
        }
    }

    private async Task CommitAsync(List<Queued> group)
    {
        var results = new TResult[group.Count];
        try
        {
            await using var connection = await _open(CancellationToken.None);
            using (await _gate.EnterAsync(CancellationToken.None))
            {
                await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
                for (var i = 0; i < group.Count; i++) results[i] = await _write(connection, transaction, group[i].Write);
                await transaction.CommitAsync();
            }
        }
        catch (Exception e)
        {
            foreach (var queued in group) queued.Completion.TrySetException(e);
            return;
        }
        for (var i = 0; i < group.Count; i++) group[i].Completion.TrySetResult(results[i]);
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer;
    }

    private sealed record Queued(TWrite Write, TaskCompletionSource<TResult> Completion, CancellationToken CancellationToken);
}
