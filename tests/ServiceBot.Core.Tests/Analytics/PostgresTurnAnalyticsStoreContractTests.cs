using Npgsql;
using ServiceBot.Analytics;
using ServiceBot.Core.Tests.Storage;
using ServiceBot.Core.Tests.Storage.Postgres;
using ServiceBot.Storage.Postgres;
using ServiceBot.Storage.Protection;
using ServiceBot.Storage.Retention;

namespace ServiceBot.Core.Tests.Analytics;

/// <summary>The turn analytics contract on PostgreSQL: a fresh schema per test, each step its own pool, migration run and key ring.</summary>
[RequiresPostgres]
public sealed class PostgresTurnAnalyticsStoreContractTests(PostgresTestDatabase database)
    : TurnAnalyticsStoreContract, IClassFixture<PostgresTestDatabase>
{
    private readonly List<PostgresDatabase> _replicas = [];
    private string _connectionString = "";

    protected override async Task CreateDatabaseAsync() => _connectionString = await database.NewSchemaAsync();

    protected override ITurnAnalyticsStore OpenStore()
    {
        var replica = Replica();
        return new PostgresTurnAnalyticsStore(replica, DataProtectionStateProtector.ForRepository(new PostgresKeyRepository(replica)));
    }

    protected override IStateEraser OpenEraser() => new PostgresStateEraser(Replica());

    protected override async Task<IReadOnlyList<byte[]>> ReadStoredQuestionsAsync()
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT sealed_question, question FROM turns", connection);
        var questions = new List<byte[]>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            questions.Add(!reader.IsDBNull(0) ? reader.GetFieldValue<byte[]>(0) : System.Text.Encoding.UTF8.GetBytes(reader.GetString(1)));
        return questions;
    }

    protected override async Task StoreQuestionsAsProtectedTextAsync(Func<IStateProtector, string> protectedText)
    {
        var replica = Replica();
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("UPDATE turns SET question = @question, sealed_question = NULL", connection);
        command.Parameters.AddWithValue("question", protectedText(DataProtectionStateProtector.ForRepository(new PostgresKeyRepository(replica))));
        await command.ExecuteNonQueryAsync();
    }

    protected override async Task DropDatabaseAsync()
    {
        foreach (var replica in _replicas) await replica.DisposeAsync();
    }

    private PostgresDatabase Replica()
    {
        var replica = new PostgresDatabase(_connectionString);
        _replicas.Add(replica);
        return replica;
    }
}
