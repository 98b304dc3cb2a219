using Microsoft.Data.Sqlite;

namespace ServiceBot.Storage;

/// <summary>
/// A single writer that commits the writes queued while the previous commit ran in one transaction: with
/// <c>synchronous = FULL</c> every commit waits for the disk (milliseconds each), so one commit per write would cap a
/// busy file at a few hundred writes a second, while a group pays for one wait. Each write runs in turn on the same
/// transaction, so it sees the rows the writes before it added; its caller hears back only once the group is on disk.
/// If anything in a group fails, nothing of the group is committed and every caller in it gets the error.
/// The writer holds the file's <see cref="SqliteWriteGate"/> while it commits, so it never meets the file's other writers.
/// Its connection stays open from one group to the next (there is one writer), so the commands a write keeps for the
/// connection it is handed stay prepared; after a failed group it is closed and the next group opens another.
/// </summary>
public sealed class SqliteGroupCommit<TWrite, TResult> : IAsyncDisposable
{
    private readonly Func<CancellationToken, Task<SqliteConnection>> _open;
    private readonly Func<SqliteConnection, SqliteTransaction, TWrite, Task<TResult>> _write;
    private readonly SqliteWriteGate _gate;
    private readonly GroupCommitQueue<TWrite, TResult> _queue;
    private SqliteConnection? _connection;

    /// <param name="connectionString">The file, for its write gate.</param>
    /// <param name="open">Opens a connection to the file, set up as its store wants.</param>
    /// <param name="write">One write, inside the group's transaction.</param>
    public SqliteGroupCommit(string connectionString, Func<CancellationToken, Task<SqliteConnection>> open,
        Func<SqliteConnection, SqliteTransaction, TWrite, Task<TResult>> write)
    {
        _gate = SqliteWriteGate.For(connectionString);
        _open = open;
        _write = write;
        _queue = new GroupCommitQueue<TWrite, TResult>(CommitAsync);
    }

    /// <summary>Queues one write; completes once the transaction holding it is committed.</summary>
    public Task<TResult> WriteAsync(TWrite write, CancellationToken cancellationToken) => _queue.WriteAsync(write, cancellationToken);

    // Any error leaves the group's writes uncompleted, and the queue hands it to every one of them.
    private async Task CommitAsync(IReadOnlyList<PendingWrite<TWrite, TResult>> group)
    {
        var results = new TResult[group.Count];
        var connection = _connection ??= await _open(CancellationToken.None);
        try
        {
            using (await _gate.EnterAsync(CancellationToken.None))
            {
                await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
                for (var i = 0; i < group.Count; i++) results[i] = await _write(connection, transaction, group[i].Write);
                await transaction.CommitAsync();
            }
        }
        catch
        {
            // A failed write may have left a command half-run on it: the next group starts on a new connection.
            _connection = null;
            await connection.DisposeAsync();
            throw;
        }
        for (var i = 0; i < group.Count; i++) group[i].Completion.TrySetResult(results[i]);
    }

    /// <summary>Stops taking writes, waits for the queued ones, then closes the writer's connection.</summary>
    public async ValueTask DisposeAsync()
    {
        await _queue.DisposeAsync();
        if (_connection is { } connection)
        {
            _connection = null;
            await connection.DisposeAsync();
        }
    }
}
