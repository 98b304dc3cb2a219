using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using ServiceBot.Assist;
using ServiceBot.Conversation;
using ServiceBot.Core.Tests.Knowledge;
using ServiceBot.Handoff;
using ServiceBot.Storage;
using ServiceBot.Storage.Protection;
using ServiceBot.Storage.Retention;

namespace ServiceBot.Core.Tests.Storage.Retention;

public sealed class SqliteStateEraserTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 29, 2, 0, 0, TimeSpan.Zero);
    private readonly TempFolder _folder = new();
    private readonly IOptions<StateOptions> _options;
    private readonly SqliteConversationStore _conversations;
    private readonly SqliteFeedbackStore _feedback;
    private readonly SqliteHandoffStore _handoffs;

    public SqliteStateEraserTests()
    {
        _options = Options.Create(new StateOptions { ConnectionString = $"Data Source={Path.Combine(_folder.Path, "state.db")}" });
        var protector = DataProtectionStateProtector.ForKeysFolder(_options.Value.ResolveKeysPath());
        _conversations = new SqliteConversationStore(_options, protector);
        _feedback = new SqliteFeedbackStore(_options, protector);
        _handoffs = new SqliteHandoffStore(_options, protector);
    }

    [Fact]
    public async Task EraseUserAsync_TwoUsers_DeletesOnlyThatUsersConversationsFeedbackAndHandoffs()
    {
        await SeedAsync("c-a1", "alice", "api");
        await SeedAsync("c-a2", "alice", "api");
        await SeedAsync("c-a3", "alice", "wechat");
        await SeedAsync("c-b1", "bob", "api");

        var erased = await new SqliteStateEraser(_options).EraseUserAsync("api", "alice", CancellationToken.None);

        Assert.Equal(2, erased);
        Assert.Null(await _conversations.FindLatestAsync("api", "alice", CancellationToken.None));
        foreach (var id in new[] { "c-a1", "c-a2" })
        {
            Assert.Null(await _conversations.FindAsync(id, CancellationToken.None));
            Assert.Empty(await _feedback.ListAsync(id, CancellationToken.None));
            Assert.Null(await _handoffs.FindAsync(id, CancellationToken.None));
            Assert.Empty(await _handoffs.TranscriptAsync(id, 0, CancellationToken.None));
        }
        Assert.Null(await _conversations.FindReplyAsync("api", "alice", "m-c-a1", CancellationToken.None));
        Assert.Equal(["c-a3", "c-b1"], await HistoryConversationsAsync());
        foreach (var (id, user, channel) in new[] { ("c-a3", "alice", "wechat"), ("c-b1", "bob", "api") })
        {
            Assert.NotNull(await _conversations.FindAsync(id, CancellationToken.None));
            Assert.NotNull(await _conversations.FindReplyAsync(channel, user, "m-" + id, CancellationToken.None));
            Assert.Single(await _feedback.ListAsync(id, CancellationToken.None));
            Assert.NotEmpty(await _handoffs.TranscriptAsync(id, 0, CancellationToken.None));
        }
    }

    [Fact]
    public async Task DeleteOlderThanAsync_Cutoff_DeletesExpiredHistoryAndOldExchangesOutsideTheirWindowOnly()
    {
        await SeedAsync("c-expired", "alice", "api");
        var active = new ConversationState { ConversationId = "c-active", UserId = "bob", Channel = "api", CreatedAt = T0, UpdatedAt = T0 };
        for (var turn = 0; turn < ConversationState.HistoryLimit + 2; turn++)
        {
            var loaded = turn == 0 ? active : (await _conversations.FindAsync("c-active", CancellationToken.None))!;
            loaded.UpdatedAt = T0.AddDays(turn);
            loaded.Remember($"问题{turn}", $"回答{turn}", loaded.UpdatedAt);
            await _conversations.SaveTurnAsync(loaded, null, new Reply("c-active", "好的。", [], [], null, false), CancellationToken.None);
        }

        // Written anew by a store that had not read it: rows 1 and 2 are left behind above the new window.
        var rebuilt = new ConversationState { ConversationId = "c-rebuilt", UserId = "carol", Channel = "api", CreatedAt = T0, UpdatedAt = T0.AddDays(20) };
        foreach (var turn in Enumerable.Range(0, 3)) rebuilt.Remember($"旧问题{turn}", "旧回答", T0);
        await _conversations.SaveTurnAsync(rebuilt, null, new Reply("c-rebuilt", "好的。", [], [], null, false), CancellationToken.None);
        var anew = new ConversationState { ConversationId = "c-rebuilt", UserId = "carol", Channel = "api", CreatedAt = T0, UpdatedAt = T0.AddDays(20) };
        anew.Remember("新问题", "新回答", T0);
        await new SqliteConversationStore(_options, DataProtectionStateProtector.ForKeysFolder(_options.Value.ResolveKeysPath()))
            .SaveTurnAsync(anew, null, new Reply("c-rebuilt", "好的。", [], [], null, false), CancellationToken.None);

        // Past the two exchanges that left the window and c-expired's, but before most of c-active's window.
        await new SqliteStateEraser(_options).DeleteOlderThanAsync(T0.AddDays(10), CancellationToken.None);

        Assert.Equal(["c-active", "c-rebuilt"], await HistoryConversationsAsync());
        Assert.Equal(1, await CountAsync("SELECT count(*) FROM conversation_turns WHERE conversation_id = 'c-rebuilt'"));
        var history = (await new SqliteConversationStore(_options, DataProtectionStateProtector.ForKeysFolder(_options.Value.ResolveKeysPath()))
            .FindAsync("c-active", CancellationToken.None))!.History;
        Assert.Equal(Enumerable.Range(2, ConversationState.HistoryLimit).Select(turn => $"问题{turn}"), history.Select(h => h.User));
        Assert.Equal(ConversationState.HistoryLimit, await CountAsync("SELECT count(*) FROM conversation_turns WHERE conversation_id = 'c-active'"));
    }

    /// <summary>The conversations that have history rows, in order.</summary>
    private async Task<List<string>> HistoryConversationsAsync()
    {
        await using var connection = new SqliteConnection(_options.Value.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT DISTINCT conversation_id FROM conversation_turns ORDER BY conversation_id";
        var ids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) ids.Add(reader.GetString(0));
        return ids;
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = new SqliteConnection(_options.Value.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task SeedAsync(string id, string user, string channel)
    {
        var state = new ConversationState { ConversationId = id, UserId = user, Channel = channel, CreatedAt = T0, UpdatedAt = T0 };
        state.Remember("人工客服", "正在为您转接。", T0);
        await _conversations.SaveTurnAsync(state, "m-" + id, new Reply(id, "好的。", [], [], null, false), CancellationToken.None);
        await _feedback.SaveAsync(new Feedback(id, "m-" + id, "up", "谢谢", T0), CancellationToken.None);
        await _handoffs.OpenAsync(new HandoffRecord(id, channel, user, HandoffStates.Waiting, HandoffReasons.UserRequest, T0, null, null, null, null, null),
            [new TranscriptEntry(0, id, Speakers.User, "人工客服", T0, null)], CancellationToken.None);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }
}
