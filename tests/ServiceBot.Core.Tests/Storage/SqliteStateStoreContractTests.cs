using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using ServiceBot.Analytics;
using ServiceBot.Core.Tests.Knowledge;
using ServiceBot.Storage;
using ServiceBot.Storage.Protection;

namespace ServiceBot.Core.Tests.Storage;

/// <summary>The state store contract on the embedded provider: a temporary SQLite file, reopened as each "replica".</summary>
public sealed class SqliteStateStoreContractTests : StateStoreContract
{
    private readonly TempFolder _folder = new();

    private string DatabasePath => Path.Combine(_folder.Path, "state.db");

    protected override Task CreateDatabaseAsync() => Task.CompletedTask;

    protected override StateStores OpenReplica()
    {
        var options = Options.Create(new StateOptions { ConnectionString = $"Data Source={DatabasePath}" });
        var protector = DataProtectionStateProtector.ForKeysFolder(options.Value.ResolveKeysPath());
        var turns = new SqliteTurnAnalyticsStore(options, protector);
        return new StateStores(new SqliteConversationStore(options, protector, turns), new SqliteFeedbackStore(options, protector),
            new SqliteHandoffStore(options, protector), new SqliteAuditLog(options, protector), turns);
    }

    protected override async Task RefuseAnalyticsRowsAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath}");
        await connection.OpenAsync();
        await using var trigger = connection.CreateCommand();
        trigger.CommandText = "CREATE TRIGGER refuse_turns BEFORE INSERT ON turns BEGIN SELECT RAISE(ABORT, 'refused'); END;";
        await trigger.ExecuteNonQueryAsync();
    }

    protected override Task DropDatabaseAsync()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
        return Task.CompletedTask;
    }
}
