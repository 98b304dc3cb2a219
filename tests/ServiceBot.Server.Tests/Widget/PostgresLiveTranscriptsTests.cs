using Microsoft.Extensions.Logging.Abstractions;
using ServiceBot.Core.Tests.Storage.Postgres;
using ServiceBot.Server.Widget;
using ServiceBot.Storage.Postgres;

namespace ServiceBot.Server.Tests.Widget;

/// <summary>An agent's line written on one replica wakes the widget subscribed on another through LISTEN/NOTIFY.</summary>
public sealed class PostgresLiveTranscriptsTests(PostgresTestDatabase database) : IClassFixture<PostgresTestDatabase>, IAsyncLifetime
{
    private readonly List<IAsyncDisposable> _opened = [];
    private string _connectionString = "";

    public async Task InitializeAsync()
    {
        if (PostgresTestServer.ConnectionString is not null) _connectionString = await database.NewSchemaAsync();
    }

    public async Task DisposeAsync()
    {
        for (var i = _opened.Count - 1; i >= 0; i--) await _opened[i].DisposeAsync();
    }

    private PostgresLiveTranscripts Replica(LiveTranscripts live)
    {
        var replica = new PostgresDatabase(_connectionString);
        var transcripts = new PostgresLiveTranscripts(replica, live, NullLogger<PostgresLiveTranscripts>.Instance);
        _opened.Add(replica);
        _opened.Add(transcripts);
        return transcripts;
    }

    [PostgresFact]
    public async Task PublishAsync_OnOneReplica_WakesThatConversationsSubscriptionOnAnother()
    {
        var subscribed = new LiveTranscripts();
        await Replica(subscribed).StartAsync(CancellationToken.None);
        var writer = Replica(new LiveTranscripts());

        // Far longer than the test waits: only the notification can end these waits in time.
        var woken = subscribed.WaitAsync("c-1", TimeSpan.FromMinutes(2), CancellationToken.None);
        var other = subscribed.WaitAsync("c-2", TimeSpan.FromMinutes(2), CancellationToken.None);
        await writer.PublishAsync("c-1", CancellationToken.None);

        Assert.Same(woken, await Task.WhenAny(woken, Task.Delay(TimeSpan.FromSeconds(20))));
        Assert.False(other.IsCompleted);
    }
}
