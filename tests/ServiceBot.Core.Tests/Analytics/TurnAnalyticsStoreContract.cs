using ServiceBot.Analytics;
using ServiceBot.Core.Tests.Storage;
using ServiceBot.Storage.Protection;
using ServiceBot.Storage.Retention;

namespace ServiceBot.Core.Tests.Analytics;

/// <summary>
/// What every turn analytics provider must do, run once per provider by its concrete subclass. Each step opens the
/// store anew (another replica, or a restart), so anything kept only in a process's memory fails here.
/// </summary>
public abstract class TurnAnalyticsStoreContract : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 28, 2, 0, 0, TimeSpan.Zero);

    protected abstract Task CreateDatabaseAsync();

    protected abstract ITurnAnalyticsStore OpenStore();

    protected abstract IStateEraser OpenEraser();

    /// <summary>The stored question exactly as the database holds it, every row (text as its UTF-8).</summary>
    protected abstract Task<IReadOnlyList<byte[]>> ReadStoredQuestionsAsync();

    /// <summary>Rewrites every row's question as earlier versions stored it: Data Protection text from <see cref="IStateProtector.Protect"/>.</summary>
    protected abstract Task StoreQuestionsAsProtectedTextAsync(Func<IStateProtector, string> protectedText);

    protected virtual Task DropDatabaseAsync() => Task.CompletedTask;

    public Task InitializeAsync() => CreateDatabaseAsync();

    public Task DisposeAsync() => DropDatabaseAsync();

    private static RecordedTurn Turn(DateTimeOffset at, string outcome, string user = "alice", string channel = "api", string? question = null)
        => new(at, channel, "c-" + user, TurnUserHash.Of(channel, user), outcome, HandedOff: false, question, null, null, null, null);

    [StoreFact]
    public async Task Record_ThenListOnAnotherReplica_RoundTripsEveryField()
    {
        var recorded = new RecordedTurn(T0, "wechat", "c-1", TurnUserHash.Of("wechat", "u1"), TurnOutcomes.TaskStep, HandedOff: true, null,
            "fund_withdrawal", "t-1", "collecting", "id_number");
        await OpenStore().RecordAsync(recorded, CancellationToken.None);
        await OpenStore().RecordAsync(Turn(T0.AddMinutes(1), TurnOutcomes.Refusal, question: "骑手摔伤了找谁赔"), CancellationToken.None);

        var listed = await OpenStore().ListAsync(T0, T0.AddHours(1), null, CancellationToken.None);

        Assert.Equal(2, listed.Count);
        Assert.Equal(recorded, listed[0]);
        Assert.Equal("骑手摔伤了找谁赔", listed[1].Question);
        Assert.Equal(T0.AddMinutes(1), listed[1].At);
    }

    [StoreFact]
    public async Task List_PeriodAndOutcomes_ReturnsTurnsFromInclusiveToExclusiveOldestFirst()
    {
        var store = OpenStore();
        await store.RecordAsync(Turn(T0.AddMinutes(30), TurnOutcomes.Grounded, question: "晚的"), CancellationToken.None);
        await store.RecordAsync(Turn(T0, TurnOutcomes.Refusal, question: "早的"), CancellationToken.None);
        await store.RecordAsync(Turn(T0.AddMinutes(10), TurnOutcomes.OutOfScope, question: "中间"), CancellationToken.None);
        await store.RecordAsync(Turn(T0.AddHours(1), TurnOutcomes.Refusal, question: "到点"), CancellationToken.None);
        await store.RecordAsync(Turn(T0.AddSeconds(-1), TurnOutcomes.Refusal, question: "之前"), CancellationToken.None);

        var all = await OpenStore().ListAsync(T0, T0.AddHours(1), null, CancellationToken.None);
        var unanswered = await OpenStore().ListAsync(T0, T0.AddHours(1), [TurnOutcomes.Refusal, TurnOutcomes.OutOfScope], CancellationToken.None);

        Assert.Equal(["早的", "中间", "晚的"], all.Select(t => t.Question));
        Assert.Equal(["早的", "中间"], unanswered.Select(t => t.Question));
        Assert.Empty(await OpenStore().ListAsync(T0, T0.AddHours(1), [TurnOutcomes.Handoff], CancellationToken.None));
    }

    [StoreFact]
    public async Task Record_QuestionText_IsEncryptedInTheDatabase()
    {
        await OpenStore().RecordAsync(Turn(T0, TurnOutcomes.Refusal, question: "我的电话13912345678能查社保吗"), CancellationToken.None);

        var stored = Assert.Single(await ReadStoredQuestionsAsync());

        Assert.Equal(-1, stored.AsSpan().IndexOf("13912345678"u8));
        Assert.Equal(-1, stored.AsSpan().IndexOf("社保"u8));
        // Sealed under the state's data key, as the conversation state is, rather than by Data Protection per value.
        Assert.True(DataKeySealer.Sealed(stored));
    }

    [StoreFact]
    public async Task List_QuestionStoredAsProtectedTextByAnEarlierVersion_ReadsIt()
    {
        await OpenStore().RecordAsync(Turn(T0, TurnOutcomes.Refusal, question: "占位"), CancellationToken.None);
        await StoreQuestionsAsProtectedTextAsync(protector => protector.Protect("我的电话13912345678能查社保吗"));

        var turn = Assert.Single(await OpenStore().ListAsync(T0, T0.AddHours(1), null, CancellationToken.None));

        Assert.Equal("我的电话13912345678能查社保吗", turn.Question);
    }

    [StoreFact]
    public async Task EraseUser_TwoUsersTwoChannels_DeletesOnlyThatUsersTurnsOnThatChannel()
    {
        var store = OpenStore();
        await store.RecordAsync(Turn(T0, TurnOutcomes.Refusal, "alice", "api", "甲"), CancellationToken.None);
        await store.RecordAsync(Turn(T0, TurnOutcomes.Refusal, "alice", "wechat", "乙"), CancellationToken.None);
        await store.RecordAsync(Turn(T0, TurnOutcomes.Refusal, "bob", "api", "丙"), CancellationToken.None);

        await OpenEraser().EraseUserAsync("api", "alice", CancellationToken.None);

        var left = await OpenStore().ListAsync(T0, T0.AddDays(1), null, CancellationToken.None);
        Assert.Equal(["丙", "乙"], left.Select(t => t.Question).Order(StringComparer.Ordinal));
    }

    [StoreFact]
    public async Task DeleteOlderThan_Cutoff_DeletesOnlyOlderTurns()
    {
        var store = OpenStore();
        await store.RecordAsync(Turn(T0.AddDays(-31), TurnOutcomes.Refusal, question: "旧"), CancellationToken.None);
        await store.RecordAsync(Turn(T0, TurnOutcomes.Refusal, question: "新"), CancellationToken.None);

        await OpenEraser().DeleteOlderThanAsync(T0.AddDays(-30), CancellationToken.None);

        var left = await OpenStore().ListAsync(T0.AddDays(-60), T0.AddDays(1), null, CancellationToken.None);
        Assert.Equal("新", Assert.Single(left).Question);
    }
}
