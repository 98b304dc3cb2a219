using Npgsql;

namespace ServiceBot.Server.Tests.Deployment;

/// <summary>Runs only where SERVICEBOT_TEST_POSTGRES names a PostgreSQL server whose user may create databases.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public const string Variable = "SERVICEBOT_TEST_POSTGRES";

    public static string? AdminConnectionString => Environment.GetEnvironmentVariable(Variable);

    public PostgresFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(AdminConnectionString))
            Skip = $"{Variable} is not set; this test needs a PostgreSQL server (a connection string allowing CREATE DATABASE).";
    }
}

/// <summary>A database of its own for one test, dropped afterwards even if server processes still hold connections.</summary>
internal sealed class PostgresTestDatabase : IAsyncDisposable
{
    private readonly string _admin;
    private readonly string _name;

    private PostgresTestDatabase(string admin, string name)
    {
        _admin = admin;
        _name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
    }

    public string ConnectionString { get; }

    public static async Task<PostgresTestDatabase> CreateAsync(string prefix)
    {
        var admin = PostgresFactAttribute.AdminConnectionString!;
        var database = new PostgresTestDatabase(admin, $"{prefix}_{Guid.NewGuid():N}"[..40]);
        await database.ExecuteAsync($"CREATE DATABASE \"{database._name}\"");
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)");
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
