using ServiceBot.Conversation;
using ServiceBot.Core.Tests.Conversation;
using ServiceBot.Storage;
using ServiceBot.Storage.Postgres;

namespace ServiceBot.Core.Tests.Storage.Postgres;

/// <summary>
/// Two conversation engines on one PostgreSQL database, as two replicas behind a load balancer: each has its own
/// connection pools and turn lock, and only the database is shared.
/// </summary>
public sealed class PostgresTurnLockTests(EngineFixture fixture, PostgresTestDatabase database)
    : IClassFixture<EngineFixture>, IClassFixture<PostgresTestDatabase>, IAsyncLifetime
{
    private readonly TurnMeter _meter = new();
    private readonly List<IAsyncDisposable> _opened = [];
    private string _connectionString = "";

    public async Task InitializeAsync()
    {
        if (PostgresTestServer.ConnectionString is not null) _connectionString = await database.NewSchemaAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var opened in _opened) await opened.DisposeAsync();
    }

    private (EngineHarness Harness, IConversationStore Store) Replica()
    {
        var replica = new PostgresDatabase(_connectionString);
        var turnLock = new PostgresTurnLock(replica);
        _opened.Add(turnLock);
        _opened.Add(replica);
        var store = new PostgresConversationStore(replica);
        return (new EngineHarness(fixture, store: new MeteredStore(store, _meter), turnLock: turnLock), store);
    }

    [PostgresFact]
    public async Task HandleAsync_OneUserOnTwoReplicasAtOnce_TurnsRunOneAtATimeAndBothAreKept()
    {
        var (a, store) = Replica();
        var (b, _) = Replica();
        var first = await a.Say("你好", messageId: "m0");

        await Task.WhenAll(
            Task.Run(() => a.Say("我想了解公积金", messageId: "m1", conversationId: first.ConversationId)),
            Task.Run(() => b.Say("骑手受伤了怎么办", messageId: "m2", conversationId: first.ConversationId)));

        Assert.Equal(1, _meter.MostAtOnce);
        var history = (await store.FindAsync(first.ConversationId, CancellationToken.None))!.History.Select(h => h.User).ToList();
        Assert.Equal(3, history.Count);
        Assert.Equal(["你好", "我想了解公积金", "骑手受伤了怎么办"], history.Order());
    }

    [PostgresFact]
    public async Task HandleAsync_SameMessageIdOnTwoReplicas_OneTurnOneReply()
    {
        var (a, store) = Replica();
        var (b, _) = Replica();

        var replies = await Task.WhenAll(
            Task.Run(() => a.Say("你好", messageId: "m1")),
            Task.Run(() => b.Say("你好", messageId: "m1")));

        Assert.Equal(replies[0].ConversationId, replies[1].ConversationId);
        Assert.Equal(replies[0].Markdown, replies[1].Markdown);
        Assert.Equal(1, _meter.Saves);
        Assert.Single((await store.FindAsync(replies[0].ConversationId, CancellationToken.None))!.History);
    }

    /// <summary>Counts turns in flight: a turn starts at its duplicate check and ends when its state is saved.</summary>
    private sealed class TurnMeter
    {
        private int _inFlight;
        private int _mostAtOnce;
        private int _saves;

        public int MostAtOnce => Volatile.Read(ref _mostAtOnce);
        public int Saves => Volatile.Read(ref _saves);

        public async Task EnterAsync()
        {
            var now = Interlocked.Increment(ref _inFlight);
            int seen;
            while (now > (seen = Volatile.Read(ref _mostAtOnce)) && Interlocked.CompareExchange(ref _mostAtOnce, now, seen) != seen)
            {
            }
            // Long enough for the other replica's turn to start, if nothing holds it back.
            await Task.Delay(TimeSpan.FromMilliseconds(150));
        }

        public void Leave()
        {
            Interlocked.Increment(ref _saves);
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private sealed class MeteredStore(IConversationStore inner, TurnMeter meter) : IConversationStore
    {
        public Task<ConversationState?> FindAsync(string conversationId, CancellationToken cancellationToken)
            => inner.FindAsync(conversationId, cancellationToken);

        public Task<ConversationState?> FindLatestAsync(string channel, string userId, CancellationToken cancellationToken)
            => inner.FindLatestAsync(channel, userId, cancellationToken);

        public async Task<Reply?> FindReplyAsync(string channel, string userId, string messageId, CancellationToken cancellationToken)
        {
            var earlier = await inner.FindReplyAsync(channel, userId, messageId, cancellationToken);
            if (earlier is null) await meter.EnterAsync();
            return earlier;
        }

        public async Task SaveTurnAsync(ConversationState state, string? messageId, Reply reply, CancellationToken cancellationToken)
        {
            await inner.SaveTurnAsync(state, messageId, reply, cancellationToken);
            meter.Leave();
        }
    }
}
