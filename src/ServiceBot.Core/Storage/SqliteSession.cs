using Microsoft.Data.Sqlite;

namespace ServiceBot.Storage;

/// <summary>
/// A connection a <see cref="SqliteDatabase"/> keeps open between uses, with every statement it ran kept prepared.
/// Microsoft.Data.Sqlite compiles a command's SQL again for every new command, and a pooled connection comes back as a
/// new wrapper whose commands start unprepared; compiling was about a sixth of SQLite's share of a chat turn.
/// Not thread-safe: one caller at a time, as <see cref="SqliteDatabase"/> hands it out.
/// </summary>
internal sealed class SqliteSession : IAsyncDisposable
{
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SqliteStatement> _statements = new(StringComparer.Ordinal);

    public SqliteSession(SqliteConnection connection) => Connection = connection;

    public SqliteConnection Connection { get; }

    /// <summary>The command for <paramref name="sql"/>, prepared on first use and kept; its parameters are cleared for the caller to add.</summary>
    public SqliteCommand Command(string sql)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = Connection.CreateCommand();
            command.CommandText = sql;
            _commands.Add(sql, command);
        }
        command.Parameters.Clear();
        return command;
    }

    /// <summary>
    /// The statement for <paramref name="sql"/> (a single statement), compiled on first use and kept, for the statements
    /// every turn runs: bound by position through SQLite's own API (<see cref="SqliteStatement"/>).
    /// </summary>
    public SqliteStatement Statement(string sql)
    {
        if (!_statements.TryGetValue(sql, out var statement))
        {
            statement = new SqliteStatement(Connection.Handle ?? throw new InvalidOperationException("The session's connection is closed."), sql,
                TimeSpan.FromSeconds(Connection.DefaultTimeout));
            _statements.Add(sql, statement);
        }
        return statement;
    }

    /// <summary>Starts a write transaction with a kept statement (<see cref="SqliteConnection.BeginTransaction()"/> compiles its own each time).</summary>
    /// <remarks>Another process holding the file's write lock answers SQLITE_BUSY, which the statement waits out (<see cref="SqliteStatement"/>).</remarks>
    public Task BeginAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Statement("BEGIN IMMEDIATE").Execute();
        return Task.CompletedTask;
    }

    public Task CommitAsync()
    {
        Statement("COMMIT").Execute();
        return Task.CompletedTask;
    }

    /// <summary>Whether a transaction is open: SQLite rolls one back by itself on some errors (I/O, a full disk).</summary>
    public bool InTransaction => Connection.Handle is { } handle && SQLitePCL.raw.sqlite3_get_autocommit(handle) == 0;

    /// <summary>Rolls back what is left of a failed transaction; SQLite may already have rolled it back, which is no error here.</summary>
    public void RollBackQuietly()
    {
        if (!InTransaction) return;
        try
        {
            Command("ROLLBACK").ExecuteNonQuery();
        }
        catch (SqliteException)
        {
            // The session is discarded after a failure anyway; its connection goes with it.
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var command in _commands.Values) await command.DisposeAsync();
        // Finalised before the connection goes back to its pool, which would otherwise keep them compiled on its handle.
        foreach (var statement in _statements.Values) statement.Dispose();
        await Connection.DisposeAsync();
    }
}
