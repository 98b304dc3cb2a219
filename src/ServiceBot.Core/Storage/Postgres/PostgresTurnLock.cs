using Npgsql;
using ServiceBot.Conversation;

namespace ServiceBot.Storage.Postgres;

/// <summary>
/// Serialises one user's turns across every replica with a transaction-scoped advisory lock on a hash of the key.
/// If a replica dies mid-turn its connection closes and the lock goes with it. Turns of one process queue in memory
/// first, so a burst from one user holds one connection, not one per message.
/// </summary>
public sealed class PostgresTurnLock : ITurnLock, IAsyncDisposable
{
    private readonly InProcessTurnLock _local = new();

    // A pool of its own: lock holders wait here, never for the connections their own turn needs to save its state.
    private readonly NpgsqlDataSource _dataSource;

    public PostgresTurnLock(PostgresDatabase database)
    {
        var builder = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        builder.ApplicationName = string.IsNullOrEmpty(builder.ApplicationName) ? "servicebot-turn-lock" : builder.ApplicationName + "-turn-lock";
        _dataSource = NpgsqlDataSource.Create(builder.ConnectionString);
    }

    public async Task<IAsyncDisposable> AcquireAsync(string key, CancellationToken cancellationToken)
    {
        var local = await _local.AcquireAsync(key, cancellationToken);
        NpgsqlConnection? connection = null;
        try
        {
            connection = await _dataSource.OpenConnectionAsync(cancellationToken);
            var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using (var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtextextended(@key, 0))", connection, transaction))
            {
                command.Parameters.AddWithValue("key", key);
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
            return new Held(local, connection, transaction);
        }
        catch
        {
            if (connection is not null) await connection.DisposeAsync();
            await local.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    private sealed class Held(IAsyncDisposable local, NpgsqlConnection connection, NpgsqlTransaction transaction) : IAsyncDisposable
    {
        private int _disposed;

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
            try
            {
                // Ending the transaction releases the advisory lock; a broken connection has released it already.
                await transaction.RollbackAsync(CancellationToken.None);
            }
            catch (NpgsqlException)
            {
            }
            finally
            {
                await transaction.DisposeAsync();
                await connection.DisposeAsync();
                await local.DisposeAsync();
            }
        }
    }
}
