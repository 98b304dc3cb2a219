using Npgsql;

namespace ServiceBot.Core.Tests.Storage.Postgres;

/// <summary>
/// The PostgreSQL server the tests may use, named by <c>SERVICEBOT_TEST_POSTGRES</c> (a connection string whose role may
/// CREATE DATABASE). Unset, the PostgreSQL tests are skipped with that reason.
/// </summary>
public static class PostgresTestServer
{
    public const string Variable = "SERVICEBOT_TEST_POSTGRES";

    public const string SkipReason = Variable + " is not set; the PostgreSQL tests need a server where they may CREATE DATABASE "
        + "(.ci/run starts one).";

    // The suite runs its classes in parallel on small CI machines, where opening a burst of connections can take longer
    // than Npgsql's 15 s default; the tests are about what the stores do once connected.
    private const int ConnectTimeoutSeconds = 120;

    public static string? ConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
        ? new NpgsqlConnectionStringBuilder(value) { Timeout = ConnectTimeoutSeconds }.ConnectionString
        : null;
}

/// <summary>A fact that runs only when <see cref="PostgresTestServer"/> names a server.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (PostgresTestServer.ConnectionString is null) Skip = PostgresTestServer.SkipReason;
    }
}

/// <summary>
/// A fresh database for one test class, dropped afterwards. Each test takes its own schema in it
/// (<see cref="NewSchemaAsync"/>), so tests that list the whole handoff queue see only their own rows.
/// </summary>
public sealed class PostgresTestDatabase : IAsyncLifetime
{
    private readonly string _name = "servicebot_test_" + Guid.NewGuid().ToString("N");

    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        if (PostgresTestServer.ConnectionString is not { } server) return;
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE {_name}", connection);
        await create.ExecuteNonQueryAsync();
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = _name }.ConnectionString;
    }

    /// <summary>A connection string whose tables land in a new, empty schema of this database.</summary>
    public async Task<string> NewSchemaAsync()
    {
        var schema = "t_" + Guid.NewGuid().ToString("N");
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE SCHEMA {schema}", connection);
        await create.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(ConnectionString) { SearchPath = schema }.ConnectionString;
    }

    public async Task DisposeAsync()
    {
        if (PostgresTestServer.ConnectionString is not { } server || ConnectionString.Length == 0) return;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
