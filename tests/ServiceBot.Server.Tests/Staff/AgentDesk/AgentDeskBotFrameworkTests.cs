using System.Net;
using ServiceBot.Server.Tests.WeChat;
using static ServiceBot.Server.Tests.BotFramework.EmulatorActivities;
using static ServiceBot.Server.Tests.Staff.AgentDesk.DeskServer;

namespace ServiceBot.Server.Tests.Staff.AgentDesk;

/// <summary>A handed-off Bot Framework user gets the agent's words as a proactive activity at a local capture serviceUrl.</summary>
public sealed class AgentDeskBotFrameworkTests : IAsyncLifetime
{
    private CaptureServer _connector = null!;
    private DeskServer _server = null!;

    public async Task InitializeAsync()
    {
        _connector = await CaptureServer.StartAsync();
        _connector.Respond = _ => new(200, """{"id":"sent-1"}""");
        _server = new DeskServer();
        await _server.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task AgentReply_HandedOffBotFrameworkUser_ProactiveActivityToStoredServiceUrl()
    {
        var conversation = Guid.NewGuid() + "|livechat";
        using var accepted = await PostAsync(_server.Http, Message(_connector.BaseAddress, "act-h1", "转人工", conversation));
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var waiting = Json(Assert.Single(await _connector.WaitForAsync(r => r.Method == "POST")).Body);
        Assert.Contains("等待人工客服", waiting.GetProperty("text").GetString());
        using var alice = _server.As(Alice);
        var path = $"api/agent/conversations/{Uri.EscapeDataString(conversation)}";

        (await DeskServer.PostAsync(alice, path + "/takeover")).EnsureSuccessStatusCode();
        var sent = await JsonOf(await DeskServer.PostAsync(alice, path + "/messages", new { text = "您好，我是人工客服。" }));
        var posts = await _connector.WaitForAsync(r => r.Method == "POST", count: 3);

        Assert.True(sent.GetProperty("delivered").GetBoolean());
        var proactive = posts[2];
        Assert.Equal($"/v3/conversations/{conversation.Replace("|", "%7C")}/activities", proactive.RawTarget);
        var activity = Json(proactive.Body);
        Assert.Equal("message", activity.GetProperty("type").GetString());
        Assert.Equal("**人工客服alice**：您好，我是人工客服。", activity.GetProperty("text").GetString());
        Assert.Equal((BotId, UserId, conversation), (activity.GetProperty("from").GetProperty("id").GetString(),
            activity.GetProperty("recipient").GetProperty("id").GetString(), activity.GetProperty("conversation").GetProperty("id").GetString()));
        Assert.False(activity.TryGetProperty("replyToId", out _));
        Assert.Contains("已接入", Json(posts[1].Body).GetProperty("text").GetString());
    }
}
