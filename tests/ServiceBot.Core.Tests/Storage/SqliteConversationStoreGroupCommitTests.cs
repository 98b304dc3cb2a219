using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using ServiceBot.Analytics;
using ServiceBot.Conversation;
using ServiceBot.Core.Tests.Knowledge;
using ServiceBot.Storage;
using ServiceBot.Storage.Protection;

using static ServiceBot.Core.Tests.Storage.StateStoreContract;

namespace ServiceBot.Core.Tests.Storage;

/// <summary>
/// Turns saved while a transaction commits share the next one, on a real SQLite file. Holding the file's write gate
/// keeps the writer from committing, so the tests decide which turns meet in a group.
/// </summary>
public sealed class SqliteConversationStoreGroupCommitTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 30, 2, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly TempFolder _folder = new();
    private SqliteConversationStore _store = null!;

    private string ConnectionString => $"Data Source={Path.Combine(_folder.Path, "state.db")}";

    private SqliteConversationStore NewStore() => new(Options.Create(new StateOptions { ConnectionString = ConnectionString }),
        DataProtectionStateProtector.ForKeysFolder(Path.Combine(_folder.Path, "keys")));

    public async Task InitializeAsync()
    {
        _store = NewStore();
        // The schema is in place before a test holds the gate or adds a trigger.
        await SaveAsync(_store, "c-setup", "m-setup");
    }

    [Fact]
    public async Task SaveTurn_QueuedBehindAnotherWriter_CompletesOnlyOnceItsRowsAreCommitted()
    {
        const int Turns = 40;
        var gate = await SqliteWriteGate.For(ConnectionString).EnterAsync(CancellationToken.None);
        var saves = Enumerable.Range(0, Turns).Select(i => SaveAsync(_store, $"c-{i}", $"m-{i}")).ToList();
        await Task.Delay(200);
        Assert.DoesNotContain(saves, save => save.IsCompleted);
        Assert.Equal(1, await CountAsync("SELECT count(*) FROM conversations"));

        gate.Dispose();
        // Each caller, as soon as it hears back, finds its turn committed from another connection.
        var seen = await Task.WhenAll(saves.Select(async (save, i) =>
        {
            await save;
            return await CountAsync($"SELECT count(*) FROM processed_messages WHERE message_id = 'm-{i}'");
        })).WaitAsync(Patience);

        Assert.All(seen, count => Assert.Equal(1, count));
        var reader = NewStore();
        for (var i = 0; i < Turns; i++)
            Assert.Equal($"答复{i}", (await reader.FindAsync($"c-{i}", CancellationToken.None))!.History.Single().Bot);
    }

    [Fact]
    public async Task SaveTurn_OneTurnOfAGroupFailsHalfway_OnlyThatTurnIsLostAndOnlyItsCallerHears()
    {
        // The failing turn's conversation row is written before its history row is refused: the savepoint must undo it.
        await ExecuteAsync("CREATE TRIGGER refuse_bad BEFORE INSERT ON conversation_turns WHEN NEW.conversation_id = 'c-bad' "
            + "BEGIN SELECT RAISE(ABORT, 'refused'); END;");
        var gate = await SqliteWriteGate.For(ConnectionString).EnterAsync(CancellationToken.None);
        // The first turn is taken alone and waits for the gate; the others queue meanwhile and make the next group.
        var first = SaveAsync(_store, "c-0", "m-0");
        await Task.Delay(200);
        var group = new[] { "c-1", "c-2", "c-bad", "c-3", "c-4" }.Select(id => SaveAsync(_store, id, "m-" + id)).ToList();
        await Task.Delay(100);
        gate.Dispose();
        await Task.WhenAny(Task.WhenAll(group.Append(first)), Task.Delay(Patience));

        Assert.True(first.IsCompletedSuccessfully);
        var error = await Assert.ThrowsAsync<SqliteException>(() => group[2]);
        Assert.Contains("refused", error.Message, StringComparison.Ordinal);
        Assert.All(group.Where((_, i) => i != 2), save => Assert.True(save.IsCompletedSuccessfully));
        var reader = NewStore();
        Assert.Null(await reader.FindAsync("c-bad", CancellationToken.None));
        Assert.Null(await reader.FindReplyAsync("api", "u-c-bad", "m-c-bad", CancellationToken.None));
        foreach (var id in new[] { "c-0", "c-1", "c-2", "c-3", "c-4" })
            Assert.Single((await reader.FindAsync(id, CancellationToken.None))!.History);
        Assert.Equal(6, await CountAsync("SELECT count(*) FROM conversation_turns"));
    }

    [Fact]
    public async Task SaveTurn_GroupRunAgainAfterAFailure_EveryOtherTurnWrittenOnceWithItsAnalyticsRow()
    {
        // A group first runs without savepoints; the failure makes it roll back and run again turn by turn. Nothing
        // of the first run may remain or be written twice: history rows, processed messages, analytics rows.
        var options = Options.Create(new StateOptions { ConnectionString = ConnectionString });
        var protector = DataProtectionStateProtector.ForKeysFolder(Path.Combine(_folder.Path, "keys"));
        await using var store = new SqliteConversationStore(options, protector, new SqliteTurnAnalyticsStore(options, protector));
        await SaveWithFactsAsync(store, "c-warm");
        await ExecuteAsync("CREATE TRIGGER refuse_bad BEFORE INSERT ON processed_messages WHEN NEW.conversation_id = 'c-bad' "
            + "BEGIN SELECT RAISE(ABORT, 'refused'); END;");
        var gate = await SqliteWriteGate.For(ConnectionString).EnterAsync(CancellationToken.None);
        var first = SaveWithFactsAsync(store, "c-0");
        await Task.Delay(200);
        var group = new[] { "c-1", "c-2", "c-3", "c-bad", "c-4" }.Select(id => SaveWithFactsAsync(store, id)).ToList();
        await Task.Delay(100);
        gate.Dispose();
        await Task.WhenAny(Task.WhenAll(group.Append(first)), Task.Delay(Patience));

        await Assert.ThrowsAsync<SqliteException>(() => group[3]);
        Assert.All(group.Where((_, i) => i != 3).Append(first), save => Assert.True(save.IsCompletedSuccessfully));
        string[] written = ["c-warm", "c-0", "c-1", "c-2", "c-3", "c-4"];
        foreach (var id in written)
        {
            Assert.Equal(1, await CountAsync($"SELECT count(*) FROM conversation_turns WHERE conversation_id = '{id}'"));
            Assert.Equal(1, await CountAsync($"SELECT count(*) FROM processed_messages WHERE conversation_id = '{id}'"));
            Assert.Equal(1, await CountAsync($"SELECT count(*) FROM turns WHERE conversation_id = '{id}'"));
        }
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM conversations WHERE id = 'c-bad'"));
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM turns WHERE conversation_id = 'c-bad'"));
        Assert.Equal(written.Length, await CountAsync("SELECT count(*) FROM turns"));
        // The analytics rows read back whole, as the dashboard reads them.
        var turns = await new SqliteTurnAnalyticsStore(options, protector).ListAsync(T0.AddDays(-1), T0.AddDays(1), null, CancellationToken.None);
        Assert.Equal(written.Order(StringComparer.Ordinal), turns.Select(t => t.ConversationId).Order(StringComparer.Ordinal));
        Assert.All(turns, turn => Assert.Equal("我想提取公积金", turn.Question));

        // The session that met the failure is not kept; the next turn goes through.
        await SaveWithFactsAsync(store, "c-after");
        Assert.Equal(written.Length + 1, await CountAsync("SELECT count(*) FROM turns"));
    }

    private static Task SaveWithFactsAsync(SqliteConversationStore store, string conversationId)
    {
        var reply = ReplyFor(conversationId, "好的。") with
        {
            Facts = new TurnFacts(TurnOutcomes.Grounded, HandedOff: false, null),
        };
        return store.SaveTurnAsync(Turn(conversationId, "u-" + conversationId), "m-" + conversationId, reply, CancellationToken.None);
    }

    [Fact]
    public async Task SaveTurn_CancelledWhileQueued_NothingWritten()
    {
        var gate = await SqliteWriteGate.For(ConnectionString).EnterAsync(CancellationToken.None);
        var first = SaveAsync(_store, "c-0", "m-0");
        await Task.Delay(200);
        using var cancellation = new CancellationTokenSource();
        var cancelled = SaveAsync(_store, "c-gone", "m-gone", cancellation.Token);
        await cancellation.CancelAsync();
        gate.Dispose();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled.WaitAsync(Patience));
        await first.WaitAsync(Patience);
        Assert.Null(await NewStore().FindAsync("c-gone", CancellationToken.None));
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM processed_messages WHERE message_id = 'm-gone'"));
    }

    [Fact]
    public async Task DisposeAsync_TurnsStillQueued_WritesThemBeforeReturning()
    {
        var gate = await SqliteWriteGate.For(ConnectionString).EnterAsync(CancellationToken.None);
        var saves = Enumerable.Range(0, 10).Select(i => SaveAsync(_store, $"c-{i}", $"m-{i}")).ToList();
        var disposed = _store.DisposeAsync().AsTask();
        await Task.Delay(200);
        Assert.False(disposed.IsCompleted);

        gate.Dispose();
        await disposed.WaitAsync(Patience);

        // Every queued turn is in the file when disposal returns; the callers' own tasks finish on the thread pool just after.
        Assert.Equal(11, await CountAsync("SELECT count(*) FROM conversations"));
        await Task.WhenAll(saves).WaitAsync(Patience);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => SaveAsync(_store, "c-late", "m-late"));
    }

    [Fact]
    public async Task SaveTurn_SameMessageTwiceInOneGroup_FirstReplyKept()
    {
        var gate = await SqliteWriteGate.For(ConnectionString).EnterAsync(CancellationToken.None);
        var first = SaveAsync(_store, "c-0", "m-0");
        await Task.Delay(200);
        // A duplicate delivery on two conversations of the same user, both in the next group.
        var original = _store.SaveTurnAsync(Turn("c-1", "u-dup"), "m-dup", ReplyFor("c-1", "第一次的答复"), CancellationToken.None);
        var duplicate = _store.SaveTurnAsync(Turn("c-2", "u-dup"), "m-dup", ReplyFor("c-2", "第二次的答复"), CancellationToken.None);
        gate.Dispose();
        await Task.WhenAll(first, original, duplicate).WaitAsync(Patience);

        Assert.Equal("第一次的答复", (await NewStore().FindReplyAsync("api", "u-dup", "m-dup", CancellationToken.None))!.Markdown);
        Assert.Equal(1, await CountAsync("SELECT count(*) FROM processed_messages WHERE message_id = 'm-dup'"));
    }

    private static Task SaveAsync(SqliteConversationStore store, string conversationId, string messageId, CancellationToken cancellationToken = default)
    {
        var number = conversationId.Split('-')[^1];
        return store.SaveTurnAsync(Turn(conversationId, "u-" + conversationId, "答复" + number), messageId, ReplyFor(conversationId, "答复" + number),
            cancellationToken);
    }

    private static ConversationState Turn(string conversationId, string userId, string bot = "好的。")
    {
        var state = State(conversationId, userId, T0);
        state.Remember("我想提取公积金", bot, T0);
        return state;
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }
}
