using System.Text;
using System.Text.Json;
using ServiceBot.Server.WeChat;
using static ServiceBot.Server.Tests.WeChat.WeChatRequests;

namespace ServiceBot.Server.Tests.WeChat;

/// <summary>
/// With the customer-service API on, pointed at a local capture server standing in for WeChat's API:
/// slow answers and the rest of long answers arrive as customer-service messages.
/// </summary>
public sealed class WeChatCustomerServiceTests : IAsyncLifetime
{
    private const string Token = "servicebot";
    private const string AccessToken = "ACCESS_TOKEN_1";
    private readonly ScriptedEngine _engine = ScriptedEngine.Default();
    private CaptureServer _wechatApi = null!;
    private ChannelServer _server = null!;

    public async Task InitializeAsync()
    {
        _wechatApi = await CaptureServer.StartAsync();
        _wechatApi.Respond = request => request.Path switch
        {
            "/cgi-bin/token" => new(200, $$"""{"access_token":"{{AccessToken}}","expires_in":7200}"""),
            _ => new(200, """{"errcode":0,"errmsg":"ok"}"""),
        };
        _server = await ChannelServer.StartAsync(new Dictionary<string, string>
        {
            ["WeChat:Token"] = Token,
            ["WeChat:AppId"] = "wx_app",
            ["WeChat:AppSecret"] = "app-secret",
            ["WeChat:CustomerServiceBaseUrl"] = _wechatApi.BaseAddress.ToString(),
            ["WeChat:ReplyTimeout"] = "00:00:00.300",
        }, _engine);
        _engine.SlowDelay = TimeSpan.FromMilliseconds(900);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _wechatApi.DisposeAsync();
    }

    private static bool IsSend(CapturedRequest r) => r.Path == "/cgi-bin/message/custom/send";

    private static string SentText(CapturedRequest r) => JsonDocument.Parse(r.Body).RootElement.GetProperty("text").GetProperty("content").GetString()!;

    [Fact]
    public async Task Receive_SlowAnswers_SuccessNowAndMessagesLaterWithTokenFetchedOnce()
    {
        using var first = await PostPlainAsync(_server.Http, Token, TextXml(ScriptedEngine.SlowQuestion, "1001", from: "oUser_a"));
        using var second = await PostPlainAsync(_server.Http, Token, TextXml(ScriptedEngine.SlowQuestion, "1002", from: "oUser_b"));

        Assert.Equal("success", await first.Content.ReadAsStringAsync());
        Assert.Equal("success", await second.Content.ReadAsStringAsync());
        var sends = await _wechatApi.WaitForAsync(IsSend, count: 2);
        Assert.All(sends, s => Assert.Equal(AccessToken, s.Query["access_token"]));
        var messages = sends.Select(s => JsonDocument.Parse(s.Body).RootElement).ToList();
        Assert.Equal(["oUser_a", "oUser_b"], messages.Select(m => m.GetProperty("touser").GetString()).Order());
        Assert.All(messages, m =>
        {
            Assert.Equal("text", m.GetProperty("msgtype").GetString());
            Assert.StartsWith("收到：" + ScriptedEngine.SlowQuestion, m.GetProperty("text").GetProperty("content").GetString());
        });
        var token = Assert.Single(_wechatApi.Requests, r => r.Path == "/cgi-bin/token");
        Assert.Equal(("client_credential", "wx_app", "app-secret"), (token.Query["grant_type"], token.Query["appid"], token.Query["secret"]));
    }

    [Fact]
    public async Task Receive_RetryOfDeferredTurn_SuccessAndNoSecondMessage()
    {
        var xml = TextXml(ScriptedEngine.SlowQuestion, "2001");

        using var first = await PostPlainAsync(_server.Http, Token, xml);
        await _wechatApi.WaitForAsync(IsSend);
        using var retry = await PostPlainAsync(_server.Http, Token, xml);
        await Task.Delay(300);

        Assert.Equal("success", await retry.Content.ReadAsStringAsync());
        Assert.Equal(1, _wechatApi.Count(IsSend));
        Assert.Equal(1, _engine.CallCount);
    }

    [Fact]
    public async Task Receive_LongAnswer_FirstPartPassiveAndRestAsMessages()
    {
        using var response = await PostPlainAsync(_server.Http, Token, TextXml(ScriptedEngine.LongQuestion, "3001"));

        var passive = Content(await response.Content.ReadAsStringAsync());
        Assert.True(Encoding.UTF8.GetByteCount(passive) <= WeChatOptions.MaxTextBytes);
        Assert.DoesNotContain(WeChatText.ShortenedNote, passive);
        // The rest goes out as several messages; wait for the one holding the answer's end rather than for a fixed time.
        await _wechatApi.WaitForAsync(r => IsSend(r) && SentText(r).Contains("第60段", StringComparison.Ordinal));
        var rest = _wechatApi.Requests.Where(IsSend).Select(SentText).ToList();
        Assert.All(rest, r => Assert.True(Encoding.UTF8.GetByteCount(r) <= WeChatOptions.MaxTextBytes));
        Assert.Contains("第60段", rest[^1]);
    }
}
