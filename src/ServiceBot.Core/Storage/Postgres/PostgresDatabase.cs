using Microsoft.Extensions.Options;
using Npgsql;

namespace ServiceBot.Storage.Postgres;

/// <summary>
/// The shared PostgreSQL state database: one connection pool for every store, and the schema brought up to date
/// once per process before the first connection is handed out.
/// </summary>
public sealed class PostgresDatabase : IAsyncDisposable
{
    // Any constant works as long as every replica takes the same one: it serialises replicas migrating at once.
    private const long MigrationLockKey = 0x5365_7276_6963_6542;

    private readonly NpgsqlDataSource _dataSource;
    private readonly Lock _migrationGate = new();
    private Task<int>? _migration;

    public PostgresDatabase(IOptions<StateOptions> options)
        : this(options.Value.ConnectionString)
    {
    }

    public PostgresDatabase(string connectionString)
    {
        ConnectionString = connectionString;
        _dataSource = NpgsqlDataSource.Create(connectionString);
    }

    public string ConnectionString { get; }

    /// <summary>
    /// Applies the migrations this database lacks; returns how many ran. Later calls in this process share the first
    /// successful run; a failed one (the server was not up yet) is tried again.
    /// </summary>
    public Task<int> MigrateAsync(CancellationToken cancellationToken)
    {
        lock (_migrationGate)
        {
            if (_migration is null || _migration.IsFaulted || _migration.IsCanceled) _migration = MigrateCoreAsync(CancellationToken.None);
            return _migration.WaitAsync(cancellationToken);
        }
    }

    public async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await MigrateAsync(cancellationToken);
        return await _dataSource.OpenConnectionAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    private async Task<int> MigrateCoreAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var setup = new NpgsqlCommand("""
            SELECT pg_advisory_xact_lock(@key);
            CREATE TABLE IF NOT EXISTS schema_version (
                version integer PRIMARY KEY,
                description text NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now());
            """, connection, transaction))
        {
            setup.Parameters.AddWithValue("key", MigrationLockKey);
            await setup.ExecuteNonQueryAsync(cancellationToken);
        }

        var applied = new HashSet<int>();
        await using (var query = new NpgsqlCommand("SELECT version FROM schema_version", connection, transaction))
        await using (var reader = await query.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken)) applied.Add(reader.GetInt32(0));
        }

        var ran = 0;
        foreach (var (version, description, sql) in PostgresSchema.Migrations.Where(m => !applied.Contains(m.Version)))
        {
            await using (var migrate = new NpgsqlCommand(sql, connection, transaction))
                await migrate.ExecuteNonQueryAsync(cancellationToken);
            await using var record = new NpgsqlCommand("INSERT INTO schema_version (version, description) VALUES (@version, @description)",
                connection, transaction);
            record.Parameters.AddWithValue("version", version);
            record.Parameters.AddWithValue("description", description);
            await record.ExecuteNonQueryAsync(cancellationToken);
            ran++;
        }
        await transaction.CommitAsync(cancellationToken);
        return ran;
    }
}
