using Npgsql;
using ServiceBot.Core.Tests.Storage.Postgres;
using ServiceBot.Storage.Postgres;

namespace ServiceBot.Cli.Tests.Commands;

public sealed class MigrateCommandTests(PostgresTestDatabase database) : IClassFixture<PostgresTestDatabase>
{
    [PostgresFact]
    public async Task Migrate_EmptyDatabaseThenAgain_CreatesTheSchemaOnceAndRecordsItsVersion()
    {
        var connection = await database.NewSchemaAsync();

        var first = await CliRunner.RunAsync("migrate", "--connection", connection);
        var again = await CliRunner.RunAsync("migrate", "--connection", connection);

        Assert.Equal((0, $"已执行 {PostgresSchema.Migrations.Count} 个迁移，表结构版本 {PostgresSchema.LatestVersion}。"), (first.ExitCode, first.LastOutputLine));
        Assert.Equal((0, $"表结构已是最新（版本 {PostgresSchema.LatestVersion}）。"), (again.ExitCode, again.LastOutputLine));
        await using var check = new NpgsqlConnection(connection);
        await check.OpenAsync();
        await using var versions = new NpgsqlCommand("SELECT count(*), max(version) FROM schema_version", check);
        await using var reader = await versions.ExecuteReaderAsync();
        await reader.ReadAsync();
        Assert.Equal(((long)PostgresSchema.Migrations.Count, PostgresSchema.LatestVersion), (reader.GetInt64(0), reader.GetInt32(1)));
    }

    [Fact]
    public async Task Migrate_ServerNotReachable_FailsWithMessageNotTrace()
    {
        var result = await CliRunner.RunAsync("migrate", "--connection", "Host=127.0.0.1;Port=1;Database=servicebot;Username=bot;Timeout=5");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("错误：无法迁移 PostgreSQL 状态库", result.Error);
        Assert.DoesNotContain("   at ", result.Error);
    }

    [Fact]
    public async Task Migrate_NotAnNpgsqlConnectionString_IsAUsageError()
    {
        var result = await CliRunner.RunAsync("migrate", "--connection", "Data Source=state.db");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("State:ConnectionString must be an Npgsql connection string", result.Error);
    }
}
