using ServiceBot.Storage;
using ServiceBot.Storage.Postgres;

namespace ServiceBot.Core.Tests.Storage.Postgres;

/// <summary>
/// The state store contract on PostgreSQL: a fresh database for the class, a fresh schema per test, and each "replica"
/// its own connection pool and migration run.
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
        return new StateStores(new PostgresConversationStore(replica), new PostgresFeedbackStore(replica), new PostgresHandoffStore(replica),
            new PostgresAuditLog(replica));
    }

    protected override async Task DropDatabaseAsync()
    {
        foreach (var replica in _replicas) await replica.DisposeAsync();
    }
}
