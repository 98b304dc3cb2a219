using System.Text.Json;
using ServiceBot.Server.Tests.WeChat;
using static ServiceBot.Server.Tests.Staff.AgentDesk.DeskServer;
using static ServiceBot.Server.Tests.WeChat.WeChatRequests;

namespace ServiceBot.Server.Tests.Staff.AgentDesk;

/// <summary>A handed-off WeChat user gets the agent's words through the customer-service API, captured by a local server.</summary>
public sealed class AgentDeskWeChatTests : IAsyncLifetime
{
    private const string Token = "servicebot";
    private CaptureServer _wechatApi = null!;
    private DeskServer _server = null!;

    public async Task InitializeAsync()
    {
        _wechatApi = await CaptureServer.StartAsync();
        _wechatApi.Respond = request => request.Path == "/cgi-bin/token"
            ? new(200, """{"access_token":"ACCESS_TOKEN_DESK","expires_in":7200}""")
            : new(200, """{"errcode":0,"errmsg":"ok"}""");
        _server = new DeskServer(new Dictionary<string, string>
        {
            ["WeChat:Token"] = Token,
            ["WeChat:AppId"] = "wx_app",
            ["WeChat:AppSecret"] = "app-secret",
            ["WeChat:CustomerServiceBaseUrl"] = _wechatApi.BaseAddress.ToString(),
        });
        await _server.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _wechatApi.DisposeAsync();
    }

    private static bool IsSend(CapturedRequest r) => r.Path == "/cgi-bin/message/custom/send";

    private static string ContentOf(CapturedRequest r) => JsonDocument.Parse(r.Body).RootElement.GetProperty("text").GetProperty("content").GetString()!;

    [Fact]
    public async Task AgentReply_HandedOffWeChatUser_SentAsCustomerServiceMessage()
    {
        const string openId = "oUser_desk_1";
        using var handoff = await PostPlainAsync(_server.Http, Token, TextXml("转人工", "9001", from: openId), timestamp: Now());
        Assert.Contains("等待人工客服", Content(await handoff.Content.ReadAsStringAsync()));
        using var alice = _server.As(Alice);
        var queue = await JsonOf(await alice.GetAsync("api/agent/conversations"));
        var item = queue.EnumerateArray().Single(i => i.GetProperty("channel").GetString() == "wechat");
        var path = $"api/agent/conversations/{item.GetProperty("conversationId").GetString()}";

        (await PostAsync(alice, path + "/takeover")).EnsureSuccessStatusCode();
        var sent = await JsonOf(await PostAsync(alice, path + "/messages", new { text = "您好，我是人工客服，请问有什么可以帮您？" }));
        var messages = await _wechatApi.WaitForAsync(IsSend, count: 2);

        Assert.True(sent.GetProperty("delivered").GetBoolean());
        Assert.Equal("wechat", sent.GetProperty("channel").GetString());
        Assert.All(messages, m => Assert.Equal("ACCESS_TOKEN_DESK", m.Query["access_token"]));
        Assert.All(messages, m => Assert.Equal(openId, JsonDocument.Parse(m.Body).RootElement.GetProperty("touser").GetString()));
        Assert.Equal("人工客服alice已接入，将为您继续服务。", ContentOf(messages[0]));
        Assert.Equal("【人工客服alice】您好，我是人工客服，请问有什么可以帮您？", ContentOf(messages[1]));
    }

    [Fact]
    public async Task UserMessage_WhileAgentHoldsIt_ReachesTranscriptAndBotStaysSilent()
    {
        const string openId = "oUser_desk_2";
        (await PostPlainAsync(_server.Http, Token, TextXml("人工客服", "9101", from: openId), timestamp: Now())).Dispose();
        using var alice = _server.As(Alice);
        var queue = await JsonOf(await alice.GetAsync("api/agent/conversations"));
        var id = queue.EnumerateArray().Single(i => i.GetProperty("channel").GetString() == "wechat" && i.GetProperty("state").GetString() == "waiting")
            .GetProperty("conversationId").GetString();
        (await PostAsync(alice, $"api/agent/conversations/{id}/takeover")).EnsureSuccessStatusCode();

        using var reply = await PostPlainAsync(_server.Http, Token, TextXml("公积金怎么提取", "9102", from: openId), timestamp: Now());
        var detail = await JsonOf(await alice.GetAsync($"api/agent/conversations/{id}"));

        Assert.Equal("您的消息已转给人工客服，请稍候回复。", Content(await reply.Content.ReadAsStringAsync()));
        Assert.Equal("公积金怎么提取", detail.GetProperty("transcript").EnumerateArray().Last().GetProperty("text").GetString());
    }
}
