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
        return new StateStores(new PostgresConversationStore(replica, protector), new PostgresFeedbackStore(replica, protector),
            new PostgresHandoffStore(replica, protector), new PostgresAuditLog(replica, protector));
    }

    protected override async Task DropDatabaseAsync()
    {
        foreach (var replica in _replicas) await replica.DisposeAsync();
    }
}
