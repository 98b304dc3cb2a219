using Microsoft.Extensions.Options;
using ServiceBot.Answers;
using ServiceBot.Conversation;
using ServiceBot.Core.Tests.Knowledge;
using ServiceBot.Storage;

namespace ServiceBot.Core.Tests.Storage;

public class SqliteConversationStoreTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private SqliteConversationStore NewStore() => new(Options.Create(new StateOptions
    {
        ConnectionString = $"Data Source={Path.Combine(_folder.Path, "nested", "state.db")}",
    }));

    private static ConversationState State(string id, string user, DateTimeOffset at) => new()
    {
        ConversationId = id,
        UserId = user,
        Channel = "api",
        CreatedAt = at,
        UpdatedAt = at,
        Task = new TaskInstance
        {
            Id = "t1",
            Name = "fund_withdrawal",
            State = TaskState.Confirming,
            Slots = { ["id_number"] = "130402199003074510", ["amount"] = "3000" },
            PendingSlot = "bank_card",
        },
    };

    private static Reply ReplyFor(string conversationId, string text) => new(
        conversationId, text, [new Citation("工伤保险条例", "第十四条", "职工有下列情形之一的……")], ["确认提交"],
        new TaskSnapshot("fund_withdrawal", "confirming", new Dictionary<string, string> { ["amount"] = "3000" }, ["bank_card"], null),
        Handoff: false);

    [Fact]
    public async Task SaveTurn_ThenFind_RoundTripsStateWithTask()
    {
        var store = NewStore();
        var now = DateTimeOffset.Parse("2026-11-29T10:00:00+08:00");
        var state = State("c-1", "u1", now);
        state.Remember("我想提取公积金", "请提供身份证号。", now);
        await store.SaveTurnAsync(state, "m1", ReplyFor("c-1", "请提供身份证号。"), CancellationToken.None);

        var loaded = await store.FindAsync("c-1", CancellationToken.None);
        Assert.NotNull(loaded);
        Assert.Equal(TaskState.Confirming, loaded.Task!.State);
        Assert.Equal("3000", loaded.Task.Slots["amount"]);
        Assert.Equal("bank_card", loaded.Task.PendingSlot);
        Assert.Equal("我想提取公积金", Assert.Single(loaded.History).User);
    }

    [Fact]
    public async Task FindReply_ProcessedMessage_ReturnsStoredReplyEvenAfterRestart()
    {
        await NewStore().SaveTurnAsync(State("c-1", "u1", DateTimeOffset.UnixEpoch), "m1", ReplyFor("c-1", "第一次"), CancellationToken.None);

        var restarted = NewStore();
        var reply = await restarted.FindReplyAsync("api", "u1", "m1", CancellationToken.None);
        Assert.NotNull(reply);
        Assert.Equal("第一次", reply.Markdown);
        Assert.Equal("第十四条", Assert.Single(reply.Citations).Section);
        Assert.Equal("3000", reply.Task!.Slots["amount"]);
        Assert.Null(await restarted.FindReplyAsync("api", "u1", "m2", CancellationToken.None));
        Assert.Null(await restarted.FindReplyAsync("api", "u2", "m1", CancellationToken.None));
    }

    [Fact]
    public async Task SaveTurn_SameMessageIdTwice_FirstReplyWins()
    {
        var store = NewStore();
        var state = State("c-1", "u1", DateTimeOffset.UnixEpoch);
        await store.SaveTurnAsync(state, "m1", ReplyFor("c-1", "first"), CancellationToken.None);
        await store.SaveTurnAsync(state, "m1", ReplyFor("c-1", "second"), CancellationToken.None);
        Assert.Equal("first", (await store.FindReplyAsync("api", "u1", "m1", CancellationToken.None))!.Markdown);
    }

    [Fact]
    public async Task FindLatest_SeveralConversations_ReturnsMostRecentlyUpdated()
    {
        var store = NewStore();
        var start = DateTimeOffset.Parse("2026-11-29T10:00:00Z");
        await store.SaveTurnAsync(State("c-old", "u1", start), null, ReplyFor("c-old", "a"), CancellationToken.None);
        await store.SaveTurnAsync(State("c-new", "u1", start.AddMinutes(5)), null, ReplyFor("c-new", "b"), CancellationToken.None);
        await store.SaveTurnAsync(State("c-other", "u2", start.AddMinutes(9)), null, ReplyFor("c-other", "c"), CancellationToken.None);

        Assert.Equal("c-new", (await store.FindLatestAsync("api", "u1", CancellationToken.None))!.ConversationId);
        Assert.Null(await store.FindLatestAsync("wechat", "u1", CancellationToken.None));
    }

    [Fact]
    public async Task SaveTurn_ConcurrentWriters_AllTurnsPersist()
    {
        var store = NewStore();
        await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
            store.SaveTurnAsync(State($"c-{i}", $"u{i}", DateTimeOffset.UnixEpoch), $"m{i}", ReplyFor($"c-{i}", $"r{i}"), CancellationToken.None)));
        for (var i = 0; i < 40; i++)
            Assert.Equal($"r{i}", (await store.FindReplyAsync("api", $"u{i}", $"m{i}", CancellationToken.None))!.Markdown);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }
}
