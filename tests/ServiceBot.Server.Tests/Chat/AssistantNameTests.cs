using System.Net.Http.Json;
using System.Text.Json;
using ServiceBot.Server.Tests.WeChat;
using static ServiceBot.Server.Tests.WeChat.WeChatRequests;

namespace ServiceBot.Server.Tests.Chat;

/// <summary><c>Assistant:Name</c> and <c>Assistant:Greeting</c> reach every place a citizen is greeted; "ServiceBot" reaches none.</summary>
public sealed class AssistantNameTests
{
    [Fact]
    public async Task ConfiguredName_GreetsOnChatWidgetAndWeChat()
    {
        await using var server = await ChannelServer.StartAsync(new Dictionary<string, string>
        {
            ["Assistant:Name"] = "小邯",
            ["WeChat:Token"] = "servicebot",
        }, engine: null);

        var welcome = await server.Http.GetFromJsonAsync<JsonElement>("api/chat/welcome");
        var chat = await new ChatSession(server.Http).SayAsync("你好");
        using var subscribed = await PostPlainAsync(server.Http, "servicebot", EventXml("subscribe"));
        var wechat = Content(await subscribed.Content.ReadAsStringAsync());

        Assert.Equal("小邯", welcome.GetProperty("assistant").GetString());
        foreach (var text in new[] { welcome.GetProperty("welcome").GetString()!, chat.Reply, wechat })
        {
            Assert.Contains("我是小邯", text);
            Assert.DoesNotContain("ServiceBot", text);
        }
        Assert.Contains("7. 办件进度", wechat);
    }

    [Fact]
    public async Task ConfiguredGreeting_UsedAsWritten()
    {
        await using var server = await ChannelServer.StartAsync(new Dictionary<string, string> { ["Assistant:Greeting"] = "欢迎光临邯郸政务服务。" }, engine: null);

        var chat = await new ChatSession(server.Http).SayAsync("你好");

        Assert.Equal("欢迎光临邯郸政务服务。", chat.Reply);
    }

    [Fact]
    public async Task NameTooLong_ServerRefusesToStart()
    {
        var server = new ServiceBotServer(new Dictionary<string, string> { ["Assistant:Name"] = new string('长', 40) });

        try
        {
            var error = await Assert.ThrowsAnyAsync<Exception>(server.InitializeAsync);
            Assert.Contains("Name", error.ToString());
        }
        finally
        {
            await server.DisposeAsync();
        }
    }
}
