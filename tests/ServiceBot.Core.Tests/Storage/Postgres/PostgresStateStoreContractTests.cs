using Npgsql;
using ServiceBot.Analytics;
using ServiceBot.Storage;
using ServiceBot.Storage.Postgres;
using ServiceBot.Storage.Protection;

namespace ServiceBot.Core.Tests.Storage.Postgres;

/// <summary>
/// The state store contract on PostgreSQL: a fresh database for the class, a fresh schema per test, and each "replica"
/// its own connection pool, migration run and key ring loaded from the database.
/// </summary>
[RequiresPostgres]
public sealed class PostgresStateStoreContractTests(PostgresTestDatabase database) : StateStoreContract, IClassFixture<PostgresTestDatabase>
{
    private readonly List<PostgresDatabase> _replicas = [];
    private string _connectionString = "";

    protected override async Task CreateDatabaseAsync() => _connectionString = await database.NewSchemaAsync();

    protected override StateStores OpenReplica()
    {
        var replica = new PostgresDatabase(_connectionString);
        _replicas.Add(replica);
        // Each replica loads the key ring from the database itself, so a row one encrypts must be readable by another.
        var protector = DataProtectionStateProtector.ForRepository(new PostgresKeyRepository(replica));
        var turns = new PostgresTurnAnalyticsStore(replica, protector);
        return new StateStores(new PostgresConversationStore(replica, protector, turns), new PostgresFeedbackStore(replica, protector),
            new PostgresHandoffStore(replica, protector), new PostgresAuditLog(replica, protector), turns);
    }

    protected override async Task RefuseAnalyticsRowsAsync()
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var trigger = new NpgsqlCommand("""
            CREATE FUNCTION refuse_turns() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused'; END $$;
            CREATE TRIGGER refuse_turns BEFORE INSERT ON turns FOR EACH ROW EXECUTE FUNCTION refuse_turns();
            """, connection);
        await trigger.ExecuteNonQueryAsync();
    }

    protected override async Task DropDatabaseAsync()
    {
        foreach (var replica in _replicas) await replica.DisposeAsync();
    }
}
