using System.Net;
using System.Text;
using ServiceBot.Server.WeChat;
using ServiceBot.Server.Tests.WeChat;
using static ServiceBot.Server.Tests.BotFramework.EmulatorActivities;

namespace ServiceBot.Server.Tests.BotFramework;

/// <summary>No AppId (Emulator): anonymous activities, replies posted to a local capture server standing in for serviceUrl.</summary>
public sealed class BotFrameworkAnonymousTests : IAsyncLifetime
{
    private readonly ScriptedEngine _engine = ScriptedEngine.Default();
    private CaptureServer _connector = null!;
    private ChannelServer _server = null!;

    public async Task InitializeAsync()
    {
        _connector = await CaptureServer.StartAsync();
        _connector.Respond = _ => new(200, """{"id":"reply-1"}""");
        _server = await ChannelServer.StartAsync(new Dictionary<string, string>(), _engine);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task Message_EmulatorActivity_RepliesOnActivityPathWithSwappedAccounts()
    {
        using var response = await PostAsync(_server.Http, Message(_connector.BaseAddress, "act-1", "公积金怎么提取"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var sent = Assert.Single(await _connector.WaitForAsync(r => r.Method == "POST"));
        var escapedId = ConversationId.Replace("|", "%7C");
        Assert.Equal($"/v3/conversations/{escapedId}/activities/act-1", sent.RawTarget);
        Assert.Null(sent.Authorization);
        var reply = Json(sent.Body);
        Assert.Equal("message", reply.GetProperty("type").GetString());
        Assert.Equal("act-1", reply.GetProperty("replyToId").GetString());
        Assert.Equal(BotId, reply.GetProperty("from").GetProperty("id").GetString());
        Assert.Equal(UserId, reply.GetProperty("recipient").GetProperty("id").GetString());
        Assert.Equal(ConversationId, reply.GetProperty("conversation").GetProperty("id").GetString());
        Assert.Equal("markdown", reply.GetProperty("textFormat").GetString());
        Assert.Equal("**收到**：公积金怎么提取\n\n**依据**\n\n- 《关于维护新就业形态劳动者劳动保障权益的指导意见》第十条", reply.GetProperty("text").GetString());
        var actions = reply.GetProperty("suggestedActions").GetProperty("actions").EnumerateArray().ToList();
        Assert.Equal(2, actions.Count);
        Assert.All(actions, a => Assert.Equal("imBack", a.GetProperty("type").GetString()));
        Assert.Equal(("还有其他问题", "还有其他问题"), (actions[0].GetProperty("title").GetString(), actions[0].GetProperty("value").GetString()));

        var call = Assert.Single(_engine.Calls);
        Assert.Equal(("botframework", UserId, ConversationId, "act-1", "公积金怎么提取"), (call.Channel, call.UserId, call.ConversationId, call.MessageId, call.Text));
    }

    [Fact]
    public async Task Message_ServiceUrlRedirects_ReplyNotFollowedElsewhere()
    {
        await using var elsewhere = await CaptureServer.StartAsync();
        _connector.Respond = _ => new(307, "", Location: new Uri(elsewhere.BaseAddress, "stolen").ToString());

        using var response = await PostAsync(_server.Http, Message(_connector.BaseAddress, "act-redirect", "公积金怎么提取"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await _connector.WaitForAsync(r => r.Method == "POST");
        await Task.Delay(1000);
        Assert.Empty(elsewhere.Requests);
    }

    [Fact]
    public async Task ConversationUpdate_BotAndUserAdded_WelcomesOnlyTheUser()
    {
        var conversation = Guid.NewGuid() + "|livechat";

        using var response = await PostAsync(_server.Http, ConversationUpdate(_connector.BaseAddress, conversation));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var sent = Assert.Single(await _connector.WaitForAsync(r => r.Method == "POST"));
        await Task.Delay(300);
        Assert.Single(_connector.Requests);
        Assert.Equal($"/v3/conversations/{conversation.Replace("|", "%7C")}/activities", sent.RawTarget);
        var welcome = Json(sent.Body);
        Assert.Equal(UserId, welcome.GetProperty("recipient").GetProperty("id").GetString());
        Assert.Equal(BotId, welcome.GetProperty("from").GetProperty("id").GetString());
        Assert.Contains("住房公积金提取", welcome.GetProperty("text").GetString());
        var actions = welcome.GetProperty("suggestedActions").GetProperty("actions").EnumerateArray().ToList();
        Assert.Equal(TaskMenu.Items.Count, actions.Count);
        Assert.Equal("我要办理住房公积金提取", actions[0].GetProperty("value").GetString());
        Assert.Equal(0, _engine.CallCount);
    }

    [Fact]
    public async Task Message_SameActivityTwice_OneTurnAndOneReply()
    {
        var activity = Message(_connector.BaseAddress, "act-dup", "重复");

        using var first = await PostAsync(_server.Http, activity);
        using var second = await PostAsync(_server.Http, activity);

        await _connector.WaitForAsync(r => r.Method == "POST");
        await Task.Delay(300);
        Assert.Single(_connector.Requests);
        Assert.Equal(1, _engine.CallCount);
    }

    [Fact]
    public async Task Message_NoText_AsksToTypeWithoutEngine()
    {
        using var response = await PostAsync(_server.Http, Message(_connector.BaseAddress, "act-img", ""));

        var sent = Assert.Single(await _connector.WaitForAsync(r => r.Method == "POST"));
        Assert.Contains("文字", Json(sent.Body).GetProperty("text").GetString());
        Assert.Equal(0, _engine.CallCount);
    }

    [Fact]
    public async Task Typing_UnknownActivityType_Ignored()
    {
        using var response = await PostAsync(_server.Http, new
        {
            type = "typing", id = "t1", serviceUrl = _connector.BaseAddress.ToString(), channelId = "emulator",
            from = new { id = UserId }, recipient = new { id = BotId }, conversation = new { id = ConversationId },
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Task.Delay(200);
        Assert.Empty(_connector.Requests);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[]")]
    [InlineData("{\"type\":\"message\",\"text\":\"缺少地址\"}")]
    [InlineData("{\"type\":\"message\",\"serviceUrl\":\"ftp://x\",\"from\":{\"id\":\"u\"},\"recipient\":{\"id\":\"b\"},\"conversation\":{\"id\":\"c\"}}")]
    public async Task Receive_MalformedActivity_Returns400(string body)
    {
        using var response = await _server.Http.PostAsync("api/messages", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, _engine.CallCount);
    }

    [Fact]
    public async Task Receive_AnonymousWithRemoteServiceUrl_Returns400()
    {
        using var response = await PostAsync(_server.Http, Message(new Uri("https://smba.trafficmanager.net/apis/"), "act-remote", "你好"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, _engine.CallCount);
    }
}
