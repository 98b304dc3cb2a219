using System.Globalization;
using System.Net;
using ServiceBot.Server.Tests.Chat;
using ServiceBot.Server.WeChat;
using static ServiceBot.Server.Tests.WeChat.WeChatRequests;

namespace ServiceBot.Server.Tests.WeChat;

/// <summary>A captured signature set carries one message, within a window of the server's clock, and no other.</summary>
public sealed class WeChatReplayTests : IAsyncLifetime
{
    private const string Token = "servicebot";
    private readonly ScriptedEngine _engine = ScriptedEngine.Default();
    private ChannelServer _server = null!;

    public async Task InitializeAsync() =>
        _server = await ChannelServer.StartAsync(new Dictionary<string, string> { ["WeChat:Token"] = Token }, _engine);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Receive_SignatureSetReplayedWithAnotherMessage_Returns401WithoutTurn()
    {
        using var genuine = await PostPlainAsync(_server.Http, Token, TextXml("我要提取公积金", "11001"), nonce: "555");
        using var forged = await PostPlainAsync(_server.Http, Token, TextXml("我要提取公积金", "11002", from: "oVictim"), nonce: "555");

        Assert.Equal(HttpStatusCode.OK, genuine.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal("replayed_signature", await ProblemCodeAsync(forged));
        Assert.Equal(["oUser_tester"], _engine.Calls.Select(c => c.UserId));
    }

    [Fact]
    public async Task Receive_WeChatRetryUnderSameSignatureSet_SameReplyOneTurn()
    {
        var xml = TextXml("重试同一条消息", "11003");

        using var first = await PostPlainAsync(_server.Http, Token, xml, nonce: "777");
        using var retry = await PostPlainAsync(_server.Http, Token, xml, nonce: "777");

        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.Equal(1, _engine.CallCount);
    }

    [Fact]
    public async Task Receive_EventRetryUnderSameSignatureSet_SameReplyAndOtherEventRefused()
    {
        var click = EventXml("CLICK", "TASK_fund_withdrawal", createTime: 1700000001);

        using var first = await PostPlainAsync(_server.Http, Token, click, nonce: "888");
        using var retry = await PostPlainAsync(_server.Http, Token, click, nonce: "888");
        using var other = await PostPlainAsync(_server.Http, Token, EventXml("CLICK", "TASK_fund_withdrawal", createTime: 1700000002), nonce: "888");

        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, other.StatusCode);
        Assert.Equal(1, _engine.CallCount);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("99999999999")]
    [InlineData("1699999600")] // 400 s before the server's clock
    [InlineData("1700000400")] // 400 s after
    [InlineData("soon")]
    public async Task Receive_TimestampOutsideWindow_Returns401WithoutTurn(string timestamp)
    {
        using var response = await PostPlainAsync(_server.Http, Token, TextXml("旧签名", "12001"), timestamp);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("stale_signature", await ProblemCodeAsync(response));
        Assert.Equal(0, _engine.CallCount);
    }

    [Fact]
    public async Task Receive_TimestampAtEdgeOfWindow_Answers()
    {
        _server.Clock.SetNow(TestClock.DefaultUnixSeconds);
        using var response = await PostPlainAsync(_server.Http, Token, TextXml("刚好在窗口内", "12002"), "1699999710");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, _engine.CallCount);
    }

    [Fact]
    public async Task Verify_StaleTimestamp_Returns401WithoutEcho()
    {
        const string old = "1600000000";
        using var response = await _server.Http.GetAsync($"wechat?signature={WeChatSignature.Compute(Token, old, "1")}&timestamp={old}&nonce=1&echostr=hello");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain("hello", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Receive_ClockMovedPastWindow_SameSignatureSetRefused()
    {
        var xml = TextXml("过期重放", "12003");
        using var first = await PostPlainAsync(_server.Http, Token, xml);

        _server.Clock.SetNow(TestClock.DefaultUnixSeconds + 600);
        using var late = await PostPlainAsync(_server.Http, Token, xml);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, late.StatusCode);
    }
}

/// <summary>With an EncodingAesKey, plain messages need an explicit opt-in.</summary>
public sealed class WeChatPlainWithAesKeyTests
{
    private static Dictionary<string, string> Settings(bool allowPlain) => new()
    {
        ["WeChat:Token"] = WeChatCryptoTests.MpToken,
        ["WeChat:EncodingAesKey"] = WeChatCryptoTests.MpKey,
        ["WeChat:AppId"] = WeChatCryptoTests.MpAppId,
        ["WeChat:AllowPlainMessages"] = allowPlain ? "true" : "false",
    };

    [Fact]
    public async Task Receive_PlainMessageWithAesKey_Returns403WithoutTurn()
    {
        var engine = ScriptedEngine.Default();
        await using var server = await ChannelServer.StartAsync(Settings(allowPlain: false), engine);

        using var response = await PostPlainAsync(server.Http, WeChatCryptoTests.MpToken, TextXml("明文", "13001"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, engine.CallCount);
    }

    [Fact]
    public async Task Receive_PlainMessageWithAesKeyAndAllowPlain_Answers()
    {
        var engine = ScriptedEngine.Default();
        await using var server = await ChannelServer.StartAsync(Settings(allowPlain: true), engine);

        using var response = await PostPlainAsync(server.Http, WeChatCryptoTests.MpToken, TextXml("明文", "13002"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("收到：明文", Content(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Receive_EncryptedMessageWithAesKey_Answers()
    {
        var engine = ScriptedEngine.Default();
        await using var server = await ChannelServer.StartAsync(Settings(allowPlain: false), engine);
        var crypto = new WeChatCrypto(WeChatCryptoTests.MpKey, WeChatCryptoTests.MpAppId);

        using var response = await PostSafeAsync(server.Http, WeChatCryptoTests.MpToken, crypto, TextXml("密文", "13003"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, engine.CallCount);
    }
}

/// <summary>The replay refusal on the built server as its own process, with the real clock and engine.</summary>
public sealed class WeChatReplayProcessTests
{
    [Fact]
    public async Task Receive_ReplayedSignatureSetOnServerProcess_SecondMessageRefused()
    {
        var directory = Path.Combine(Path.GetTempPath(), "servicebot-replay-tests", Guid.NewGuid().ToString("N"));
        await using var server = await ServerProcess.StartAsync(new Dictionary<string, string>
        {
            ["WeChat__Token"] = "servicebot",
            ["State__ConnectionString"] = $"Data Source={Path.Combine(directory, "state.db")}",
            ["Sandbox__ConnectionString"] = $"Data Source={Path.Combine(directory, "sandbox.db")}",
            ["Index__Path"] = Path.Combine(directory, "index"),
            ["Knowledge__Paths__0"] = RepositoryPaths.Knowledge,
        });
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

        using var genuine = await PostPlainAsync(server.Http, "servicebot", TextXml("我要提取公积金", "p-1", createTime: long.Parse(now, CultureInfo.InvariantCulture)), now, "4242");
        using var retry = await PostPlainAsync(server.Http, "servicebot", TextXml("我要提取公积金", "p-1", createTime: long.Parse(now, CultureInfo.InvariantCulture)), now, "4242");
        using var forged = await PostPlainAsync(server.Http, "servicebot", TextXml("130402199003074510", "p-2", from: "oVictim"), now, "4242");
        using var stale = await PostPlainAsync(server.Http, "servicebot", TextXml("你好", "p-3"), "0", "4243");

        Assert.Equal(HttpStatusCode.OK, genuine.StatusCode);
        Assert.Equal(await genuine.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, stale.StatusCode);
        Directory.Delete(directory, recursive: true);
    }
}
