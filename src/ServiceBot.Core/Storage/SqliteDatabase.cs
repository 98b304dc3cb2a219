using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace ServiceBot.Storage;

/// <summary>
/// One embedded SQLite database: creates the file's folder (0700) and the file (0600), applies a schema once, and
/// opens connections set up the same way for every store that lives in it. Every write goes through
/// <see cref="WriteAsync{T}"/>, <see cref="WriteTransactionAsync{T}"/> or a <see cref="GroupCommit{TWrite, TResult}"/>, so writers queue on the file's
/// <see cref="SqliteWriteGate"/> rather than in SQLite's busy loop. What runs on every chat turn runs on kept
/// <see cref="SqliteSession"/>s, whose statements stay prepared.
/// </summary>
internal sealed class SqliteDatabase
{
    // Pooled connections keep their settings, so each physical connection is set up once rather than on every open (a turn opens several).
    private static readonly ConditionalWeakTable<sqlite3, object> SetUp = new();
    private static readonly object Done = new();

    private readonly string _connectionString;
    private readonly Lazy<Task> _schema;
    private readonly SqliteWriteGate _writeGate;
    private readonly ConcurrentBag<SqliteSession> _idleSessions = [];
    private int _idleCount;

    /// <summary>Sessions kept open when idle: enough for the turns two cores run at once, with room for bursts.</summary>
    internal const int MaximumIdleSessions = 16;

    /// <param name="addedColumns">
    /// Columns the schema gained after databases were deployed with its tables: added to an existing table that lacks
    /// them (the schema's <c>CREATE TABLE</c> already has them for a new file).
    /// </param>
    public SqliteDatabase(string connectionString, string schema, IReadOnlyList<SqliteAddedColumn>? addedColumns = null)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.DataSource is { Length: > 0 } file && builder.Mode != SqliteOpenMode.Memory && file != ":memory:")
        {
            var path = Path.GetFullPath(file);
            var directory = Path.GetDirectoryName(path);
            if (!string.IsNullOrEmpty(directory)) PrivateFiles.CreateFolder(directory);
            if (builder.Mode != SqliteOpenMode.ReadOnly) PrivateFiles.PrepareDatabaseFile(path);
        }
        builder.DefaultTimeout = Math.Max(builder.DefaultTimeout, 30);
        _connectionString = builder.ToString();
        _writeGate = SqliteWriteGate.For(_connectionString);
        _schema = new Lazy<Task>(() => ApplySchemaAsync(schema, addedColumns ?? []));
    }

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await _schema.Value.WaitAsync(cancellationToken);
        return await OpenConnectionAsync(cancellationToken);
    }

    /// <summary>Runs one write (a statement or a transaction) on its own connection, alone among this process's writers of the file.</summary>
    public async Task<T> WriteAsync<T>(Func<SqliteConnection, Task<T>> write, CancellationToken cancellationToken)
    {
        // Opened before queueing, so the slot is held only for the write itself.
        await using var connection = await OpenAsync(cancellationToken);
        return await _writeGate.RunAsync(() => write(connection), cancellationToken);
    }

    /// <inheritdoc cref="WriteAsync{T}"/>
    public Task WriteAsync(Func<SqliteConnection, Task> write, CancellationToken cancellationToken)
        => WriteAsync(async connection =>
        {
            await write(connection);
            return true;
        }, cancellationToken);

    /// <summary>Runs a read on a kept session (<see cref="SqliteSession"/>), its statements prepared once.</summary>
    public async Task<T> ReadAsync<T>(Func<SqliteSession, Task<T>> read, CancellationToken cancellationToken)
    {
        var session = await RentAsync(cancellationToken);
        var result = default(T);
        var succeeded = false;
        try
        {
            result = await read(session);
            succeeded = true;
        }
        finally
        {
            await ReturnAsync(session, succeeded);
        }
        return result;
    }

    /// <summary>
    /// Runs <paramref name="write"/> in one transaction on a kept session, alone among this process's writers of the
    /// file; commits when it returns, rolls back when it throws.
    /// </summary>
    public async Task<T> WriteTransactionAsync<T>(Func<SqliteSession, Task<T>> write, CancellationToken cancellationToken)
    {
        // Taken before queueing, so the slot is held only for the write itself.
        var session = await RentAsync(cancellationToken);
        var result = default(T);
        var succeeded = false;
        try
        {
            using (await _writeGate.EnterAsync(cancellationToken))
            {
                await session.BeginAsync(cancellationToken);
                try
                {
                    result = await write(session);
                    await session.CommitAsync();
                }
                catch
                {
                    session.RollBackQuietly();
                    throw;
                }
            }
            succeeded = true;
        }
        finally
        {
            await ReturnAsync(session, succeeded);
        }
        return result!;
    }

    /// <summary>
    /// A group commit on kept sessions: the writes queued while a group commits share the next transaction, so a busy
    /// file pays its BEGIN, COMMIT and the pages the writes share (index and table tails) once a group instead of once a
    /// write. A write that fails is rolled back alone and its caller gets the error, while the others still commit: the
    /// group first runs without savepoints (each costs two statements and a copy of every page the write touches), and
    /// only when one of its writes fails is the transaction rolled back and the group run again with a savepoint per
    /// write. Only when the transaction itself is lost (SQLite rolls it back on I/O errors, a full disk, or a failing
    /// COMMIT) does every caller of the group get the error, and nothing of it is committed. A caller hears back only
    /// once its group's COMMIT returned.
    /// </summary>
    /// <param name="write">
    /// One write, inside the group's transaction; never cancelled once started, since others share it. It may run twice
    /// (the first run rolled back), so it must do nothing outside the transaction.
    /// </param>
    public GroupCommitQueue<TWrite, TResult> GroupCommit<TWrite, TResult>(Func<SqliteSession, TWrite, Task<TResult>> write)
        => new(group => CommitGroupAsync(group, write));

    private async Task CommitGroupAsync<TWrite, TResult>(IReadOnlyList<PendingWrite<TWrite, TResult>> group, Func<SqliteSession, TWrite, Task<TResult>> write)
    {
        var results = new TResult[group.Count];
        var errors = new Exception?[group.Count];
        var session = await RentAsync(CancellationToken.None);
        var reusable = false;
        try
        {
            using (await _writeGate.EnterAsync(CancellationToken.None))
            {
                await session.BeginAsync(CancellationToken.None);
                try
                {
                    // A group of one needs no savepoint: its failure is the transaction's.
                    if (group.Count == 1) results[0] = await write(session, group[0].Write);
                    else if (!await TryWriteAllAsync(session, group, write, results))
                    {
                        // One write failed with the transaction still open: undone whole, then each write under its own savepoint.
                        await session.Command("ROLLBACK").ExecuteNonQueryAsync();
                        await session.BeginAsync(CancellationToken.None);
                        for (var i = 0; i < group.Count; i++)
                            errors[i] = await WriteUnderSavepointAsync(session, group[i].Write, write, results, i);
                    }
                    await session.CommitAsync();
                }
                catch
                {
                    session.RollBackQuietly();
                    throw;
                }
            }
            // A write that failed may have left a statement of the session half-run: the session is closed, not kept.
            reusable = Array.TrueForAll(errors, error => error is null);
        }
        finally
        {
            await ReturnAsync(session, reusable);
        }
        for (var i = 0; i < group.Count; i++)
        {
            if (errors[i] is { } error) group[i].Completion.TrySetException(error);
            else group[i].Completion.TrySetResult(results[i]);
        }
    }

    /// <summary>
    /// Runs every write of the group in the open transaction; false when one failed and the transaction is still open
    /// (the caller rolls it back). An error that cost the transaction itself is thrown.
    /// </summary>
    private static async Task<bool> TryWriteAllAsync<TWrite, TResult>(SqliteSession session, IReadOnlyList<PendingWrite<TWrite, TResult>> group,
        Func<SqliteSession, TWrite, Task<TResult>> write, TResult[] results)
    {
        for (var i = 0; i < group.Count; i++)
        {
            try
            {
                results[i] = await write(session, group[i].Write);
            }
            catch (Exception) when (session.InTransaction)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Runs one write of a group into <paramref name="results"/>[<paramref name="index"/>]; returns its error, its changes undone.</summary>
    private static async Task<Exception?> WriteUnderSavepointAsync<TWrite, TResult>(SqliteSession session, TWrite pending,
        Func<SqliteSession, TWrite, Task<TResult>> write, TResult[] results, int index)
    {
        session.Statement("SAVEPOINT group_write").Execute();
        Exception? error = null;
        try
        {
            results[index] = await write(session, pending);
        }
        catch (Exception e) when (session.InTransaction)
        {
            session.Statement("ROLLBACK TO group_write").Execute();
            error = e;
        }
        session.Statement("RELEASE group_write").Execute();
        return error;
    }

    private async Task<SqliteSession> RentAsync(CancellationToken cancellationToken)
    {
        if (_idleSessions.TryTake(out var idle))
        {
            Interlocked.Decrement(ref _idleCount);
            return idle;
        }
        return new SqliteSession(await OpenAsync(cancellationToken));
    }

    // A session whose use failed may hold a half-read statement or an open transaction: it is closed, not kept.
    private async ValueTask ReturnAsync(SqliteSession session, bool reusable)
    {
        if (reusable && Interlocked.Increment(ref _idleCount) <= MaximumIdleSessions)
        {
            _idleSessions.Add(session);
            return;
        }
        if (reusable) Interlocked.Decrement(ref _idleCount);
        await session.DisposeAsync();
    }

    private async Task<SqliteConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        if (connection.Handle is { } handle && SetUp.TryGetValue(handle, out _)) return connection;
        // In WAL mode NORMAL survives a crash of the process; only an OS crash may lose the last writes.
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA synchronous = NORMAL;";
        await pragma.ExecuteNonQueryAsync(cancellationToken);
        if (connection.Handle is { } opened) SetUp.AddOrUpdate(opened, Done);
        return connection;
    }

    private async Task ApplySchemaAsync(string schema, IReadOnlyList<SqliteAddedColumn> addedColumns)
    {
        await using var connection = await OpenConnectionAsync(CancellationToken.None);
        using (await _writeGate.EnterAsync(CancellationToken.None))
        {
            await using (var command = connection.CreateCommand())
            {
                command.CommandText = "PRAGMA journal_mode = WAL;\n" + schema;
                await command.ExecuteNonQueryAsync();
            }
            if (addedColumns.Count > 0) await AddMissingColumnsAsync(connection, addedColumns);
        }
    }

    // Looked up first, so a file that has them (or is opened read-only) is not written. Missing ones are looked up again
    // and added in one immediate transaction: another process opening the same file waits, then finds the column.
    private static async Task AddMissingColumnsAsync(SqliteConnection connection, IReadOnlyList<SqliteAddedColumn> addedColumns)
    {
        var missing = new List<SqliteAddedColumn>();
        foreach (var added in addedColumns)
            if (!await HasColumnAsync(connection, null, added)) missing.Add(added);
        if (missing.Count == 0) return;
        await using var transaction = connection.BeginTransaction(deferred: false);
        foreach (var added in missing)
        {
            if (await HasColumnAsync(connection, transaction, added)) continue;
            await using var alter = connection.CreateCommand();
            alter.Transaction = transaction;
            alter.CommandText = $"ALTER TABLE {added.Table} ADD COLUMN {added.Column} {added.Definition}";
            await alter.ExecuteNonQueryAsync();
        }
        await transaction.CommitAsync();
    }

    private static async Task<bool> HasColumnAsync(SqliteConnection connection, SqliteTransaction? transaction, SqliteAddedColumn added)
    {
        await using var exists = connection.CreateCommand();
        exists.Transaction = transaction;
        exists.CommandText = "SELECT count(*) FROM pragma_table_info($table) WHERE name = $column";
        exists.Parameters.AddWithValue("$table", added.Table);
        exists.Parameters.AddWithValue("$column", added.Column);
        return Convert.ToInt64(await exists.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }
}

/// <summary>A column added to a table after databases were deployed with it; names and definition are the code's own, never input.</summary>
internal sealed record SqliteAddedColumn(string Table, string Column, string Definition);
