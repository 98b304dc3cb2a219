using Npgsql;

namespace ServiceBot.Benchmarks.Replicas;

/// <summary>A fresh PostgreSQL database for one setup of the benchmark, dropped when the setup is done.</summary>
internal sealed class BenchmarkDatabase : IAsyncDisposable
{
    private readonly string _admin;
    private readonly string _name;

    private BenchmarkDatabase(string admin, string name)
    {
        _admin = admin;
        _name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
    }

    public string ConnectionString { get; }

    public static async Task<BenchmarkDatabase> CreateAsync(string adminConnectionString)
    {
        var database = new BenchmarkDatabase(adminConnectionString, "servicebot_bench_" + Guid.NewGuid().ToString("N")[..12]);
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
