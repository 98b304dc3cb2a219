using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using ServiceBot.Analytics;
using ServiceBot.Core.Tests.Knowledge;
using ServiceBot.Storage;
using ServiceBot.Storage.Protection;
using ServiceBot.Storage.Retention;

namespace ServiceBot.Core.Tests.Analytics;

/// <summary>The turn analytics contract on the embedded provider: a temporary SQLite file, reopened for each step.</summary>
public sealed class SqliteTurnAnalyticsStoreContractTests : TurnAnalyticsStoreContract
{
    private readonly TempFolder _folder = new();

    private IOptions<StateOptions> Options => Microsoft.Extensions.Options.Options.Create(
        new StateOptions { ConnectionString = $"Data Source={Path.Combine(_folder.Path, "state.db")}" });

    protected override Task CreateDatabaseAsync() => Task.CompletedTask;

    protected override ITurnAnalyticsStore OpenStore()
        => new SqliteTurnAnalyticsStore(Options, Protector());

    protected override IStateEraser OpenEraser() => new SqliteStateEraser(Options);

    private IStateProtector Protector() => DataProtectionStateProtector.ForKeysFolder(Options.Value.ResolveKeysPath());

    protected override async Task<IReadOnlyList<byte[]>> ReadStoredQuestionsAsync()
    {
        await using var connection = new SqliteConnection(Options.Value.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT question FROM turns";
        var questions = new List<byte[]>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            questions.Add(reader.GetValue(0) is byte[] bytes ? bytes : System.Text.Encoding.UTF8.GetBytes(reader.GetString(0)));
        return questions;
    }

    protected override async Task StoreQuestionsAsProtectedTextAsync(Func<IStateProtector, string> protectedText)
    {
        await using var connection = new SqliteConnection(Options.Value.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE turns SET question = $question";
        command.Parameters.AddWithValue("$question", protectedText(Protector()));
        await command.ExecuteNonQueryAsync();
    }

    protected override Task DropDatabaseAsync()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
        return Task.CompletedTask;
    }
}
