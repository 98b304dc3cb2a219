using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using ServiceBot.Core.Tests.Knowledge;
using ServiceBot.Storage;

namespace ServiceBot.Core.Tests.Storage;

/// <summary>The state store contract on the embedded provider: a temporary SQLite file, reopened as each "replica".</summary>
public sealed class SqliteStateStoreContractTests : StateStoreContract
{
    private readonly TempFolder _folder = new();

    protected override Task CreateDatabaseAsync() => Task.CompletedTask;

    protected override StateStores OpenReplica()
    {
        var options = Options.Create(new StateOptions { ConnectionString = $"Data Source={Path.Combine(_folder.Path, "state.db")}" });
        return new StateStores(new SqliteConversationStore(options), new SqliteFeedbackStore(options), new SqliteHandoffStore(options),
            new SqliteAuditLog(options));
    }

    protected override Task DropDatabaseAsync()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
        return Task.CompletedTask;
    }
}
