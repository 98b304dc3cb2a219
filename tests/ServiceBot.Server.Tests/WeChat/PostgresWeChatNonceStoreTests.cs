using System.Net;
using ServiceBot.Core.Tests.Storage.Postgres;
using ServiceBot.Server.WeChat;
using ServiceBot.Storage.Postgres;
using static ServiceBot.Server.Tests.WeChat.WeChatRequests;

namespace ServiceBot.Server.Tests.WeChat;

/// <summary>The WeChat nonce window shared through PostgreSQL: a signature set used on one replica is spent on all of them.</summary>
public sealed class PostgresWeChatNonceStoreTests(PostgresTestDatabase database) : IClassFixture<PostgresTestDatabase>, IAsyncLifetime
{
    private const string Token = "servicebot";
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

    private PostgresWeChatNonceStore Replica()
    {
        var replica = new PostgresDatabase(_connectionString);
        _opened.Add(replica);
        return new PostgresWeChatNonceStore(replica);
    }

    [PostgresFact]
    public async Task TryBindAsync_PairBoundOnOneReplica_OtherDeliveryRefusedOnAnotherUntilExpiry()
    {
        var (a, b) = (Replica(), Replica());
        var window = TimeSpan.FromMinutes(5);

        Assert.True(await a.TryBindAsync("1700000000", "555", "msg-1", window, CancellationToken.None));
        Assert.True(await b.TryBindAsync("1700000000", "555", "msg-1", window, CancellationToken.None));
        Assert.False(await b.TryBindAsync("1700000000", "555", "msg-2", window, CancellationToken.None));
        Assert.True(await b.TryBindAsync("1700000000", "556", "msg-2", window, CancellationToken.None));

        Assert.True(await a.TryBindAsync("1700000001", "777", "msg-3", TimeSpan.FromMilliseconds(50), CancellationToken.None));
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        Assert.True(await b.TryBindAsync("1700000001", "777", "msg-4", window, CancellationToken.None));
        Assert.False(await a.TryBindAsync("1700000001", "777", "msg-3", window, CancellationToken.None));
    }

    [PostgresFact]
    public async Task Receive_SignatureSetReplayedOnAnotherReplica_Returns401WithoutTurn()
    {
        var settings = new Dictionary<string, string>
        {
            ["WeChat:Token"] = Token,
            ["State:Provider"] = "postgres",
            ["State:ConnectionString"] = _connectionString,
        };
        var engine = ScriptedEngine.Default();
        await using var first = await ChannelServer.StartAsync(settings, engine);
        await using var second = await ChannelServer.StartAsync(settings, engine);

        using var genuine = await PostPlainAsync(first.Http, Token, TextXml("我要提取公积金", "12001"), nonce: "901");
        using var forged = await PostPlainAsync(second.Http, Token, TextXml("我要提取公积金", "12002", from: "oVictim"), nonce: "901");

        Assert.Equal(HttpStatusCode.OK, genuine.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal("replayed_signature", await ProblemCodeAsync(forged));
        Assert.Equal(["oUser_tester"], engine.Calls.Select(c => c.UserId));
    }
}
