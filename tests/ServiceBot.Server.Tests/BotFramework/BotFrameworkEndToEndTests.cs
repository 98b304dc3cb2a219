using ServiceBot.Server.Tests.WeChat;
using static ServiceBot.Server.Tests.BotFramework.EmulatorActivities;

namespace ServiceBot.Server.Tests.BotFramework;

/// <summary>An Emulator-shaped activity against the real engine in its default configuration.</summary>
public sealed class BotFrameworkEndToEndTests
{
    [Fact]
    public async Task Message_TaskRequestOnRealEngine_ReplyStartsTaskWithMarkdown()
    {
        await using var connector = await CaptureServer.StartAsync();
        await using var server = await ChannelServer.StartAsync(new Dictionary<string, string>(), engine: null);
        var conversation = Guid.NewGuid() + "|livechat";

        using var response = await PostAsync(server.Http, Message(connector.BaseAddress, "e2e-1", "我要提取公积金", conversation));

        var sent = Assert.Single(await connector.WaitForAsync(r => r.Method == "POST", timeout: TimeSpan.FromSeconds(60)));
        Assert.Equal($"/v3/conversations/{conversation.Replace("|", "%7C")}/activities/e2e-1", sent.RawTarget);
        var reply = Json(sent.Body);
        Assert.Equal("markdown", reply.GetProperty("textFormat").GetString());
        Assert.Contains("住房公积金提取", reply.GetProperty("text").GetString());
        Assert.Equal(UserId, reply.GetProperty("recipient").GetProperty("id").GetString());
    }
}
