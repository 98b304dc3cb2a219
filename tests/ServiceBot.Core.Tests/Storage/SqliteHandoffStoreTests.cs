using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using ServiceBot.Core.Tests.Knowledge;
using ServiceBot.Handoff;
using ServiceBot.Storage;
using ServiceBot.Storage.Protection;

namespace ServiceBot.Core.Tests.Storage;

public sealed class SqliteHandoffStoreTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 28, 2, 0, 0, TimeSpan.Zero);
    private readonly TempFolder _folder = new();
    private readonly IStateProtector _protector;

    public SqliteHandoffStoreTests() => _protector = DataProtectionStateProtector.ForKeysFolder(Path.Combine(_folder.Path, "keys"));

    private SqliteHandoffStore NewStore() =>
        new(Options.Create(new StateOptions { ConnectionString = $"Data Source={Path.Combine(_folder.Path, "state.db")}" }), _protector);

    private static HandoffRecord Waiting(string id, DateTimeOffset since) =>
        new(id, "api", "u-" + id, HandoffStates.Waiting, HandoffReasons.UserRequest, since, null, null, null, null, null);

    private static TranscriptEntry Line(string id, string speaker, string text, DateTimeOffset at) => new(0, id, speaker, text, at, null);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder.Path, recursive: true);
    }

    [Fact]
    public async Task TryTakeOverAsync_TwoAgentsAtOnce_ExactlyOneWins()
    {
        var store = NewStore();
        await store.OpenAsync(Waiting("c1", T0), [], CancellationToken.None);

        var results = await Task.WhenAll(
            Task.Run(() => NewStore().TryTakeOverAsync("c1", "alice", T0.AddMinutes(1), CancellationToken.None)),
            Task.Run(() => NewStore().TryTakeOverAsync("c1", "bob", T0.AddMinutes(1), CancellationToken.None)));

        Assert.Single(results, won => won);
        var handoff = (await store.FindAsync("c1", CancellationToken.None))!;
        Assert.Equal(HandoffStates.Active, handoff.State);
        Assert.Equal(results[0] ? "alice" : "bob", handoff.Agent);
        Assert.True(await store.TryTakeOverAsync("c1", handoff.Agent!, T0.AddMinutes(2), CancellationToken.None));
        Assert.Equal(T0.AddMinutes(1), (await store.FindAsync("c1", CancellationToken.None))!.TakenAt);
    }

    [Fact]
    public async Task TryCloseAsync_HolderOnlyWhileHolding()
    {
        var store = NewStore();
        await store.OpenAsync(Waiting("c1", T0), [], CancellationToken.None);
        await store.TryTakeOverAsync("c1", "alice", T0, CancellationToken.None);

        Assert.False(await store.TryCloseAsync("c1", "bob", HandoffOutcomes.Released, T0, CancellationToken.None));
        Assert.True(await store.TryCloseAsync("c1", "alice", "已解答", T0.AddMinutes(3), CancellationToken.None));
        Assert.False(await store.TryCloseAsync("c1", null, HandoffOutcomes.UserReturned, T0, CancellationToken.None));

        var closed = (await store.FindAsync("c1", CancellationToken.None))!;
        Assert.Equal((HandoffStates.Closed, "已解答", T0.AddMinutes(3)), (closed.State, closed.Outcome, closed.ClosedAt));
        Assert.False(await store.TryTakeOverAsync("c1", "alice", T0, CancellationToken.None));
    }

    [Fact]
    public async Task OpenAsync_SecondHandoff_ReopensAndSkipsLinesAlreadyWritten()
    {
        var store = NewStore();
        await store.OpenAsync(Waiting("c1", T0), [Line("c1", "user", "你好", T0.AddSeconds(-10)), Line("c1", "user", "转人工", T0)], CancellationToken.None);
        await store.TryTakeOverAsync("c1", "alice", T0.AddMinutes(1), CancellationToken.None);
        await store.AppendAsync(Line("c1", TranscriptEntry.System, "已结束", T0.AddMinutes(2)), null, CancellationToken.None);
        await store.TryCloseAsync("c1", "alice", HandoffOutcomes.Released, T0.AddMinutes(2), CancellationToken.None);

        await store.OpenAsync(Waiting("c1", T0.AddMinutes(5)),
            [Line("c1", "user", "你好", T0.AddSeconds(-10)), Line("c1", "user", "又来了", T0.AddMinutes(4)), Line("c1", "user", "人工", T0.AddMinutes(5))],
            CancellationToken.None);

        var reopened = (await store.FindAsync("c1", CancellationToken.None))!;
        Assert.Equal((HandoffStates.Waiting, (string?)null, (string?)null), (reopened.State, reopened.Agent, reopened.Outcome));
        var texts = (await store.TranscriptAsync("c1", 0, CancellationToken.None)).Select(l => l.Text);
        Assert.Equal(["你好", "转人工", "已结束", "又来了", "人工"], texts);
    }

    [Fact]
    public async Task QueuePositionAsync_OrderOfWaiting_ActiveOnesNotCounted()
    {
        var store = NewStore();
        await store.OpenAsync(Waiting("a", T0), [], CancellationToken.None);
        await store.OpenAsync(Waiting("b", T0.AddMinutes(1)), [], CancellationToken.None);
        await store.OpenAsync(Waiting("c", T0.AddMinutes(2)), [], CancellationToken.None);
        await store.TryTakeOverAsync("a", "alice", T0.AddMinutes(3), CancellationToken.None);

        var positions = new[] { "a", "b", "c" }.Select(id => store.QueuePositionAsync(id, CancellationToken.None).Result);

        Assert.Equal([0, 1, 2], positions);
        Assert.Equal(["b", "c"], (await store.ListAsync([HandoffStates.Waiting], CancellationToken.None)).Select(h => h.ConversationId));
    }

    [Fact]
    public async Task AppendAsync_SameMessageIdTwice_OneLineSameId()
    {
        var store = NewStore();
        await store.OpenAsync(Waiting("c1", T0), [], CancellationToken.None);

        var first = await store.AppendAsync(Line("c1", "user", "在吗", T0), "m-1", CancellationToken.None);
        var again = await store.AppendAsync(Line("c1", "user", "在吗", T0), "m-1", CancellationToken.None);
        var after = await store.TranscriptAsync("c1", first, CancellationToken.None);

        Assert.Equal(first, again);
        Assert.Empty(after);
        Assert.Single(await store.TranscriptAsync("c1", 0, CancellationToken.None));
    }
}
