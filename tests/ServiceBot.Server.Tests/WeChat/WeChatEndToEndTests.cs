using System.Text;
using ServiceBot.Server.WeChat;
using static ServiceBot.Server.Tests.WeChat.WeChatRequests;

namespace ServiceBot.Server.Tests.WeChat;

/// <summary>WeChat plain mode against the real engine in its default configuration.</summary>
public sealed class WeChatEndToEndTests
{
    [Fact]
    public async Task Receive_TaskRequestOnRealEngine_StartsTaskAndRetryGetsSameReply()
    {
        await using var server = await ChannelServer.StartAsync(new Dictionary<string, string>
        {
            ["WeChat:Token"] = "servicebot",
            ["WeChat:RetryWindow"] = "00:00:30",
        }, engine: null);
        var xml = TextXml("我要提取公积金", "e2e-1", from: "oE2E_user");

        using var first = await PostPlainAsync(server.Http, "servicebot", xml);
        using var retry = await PostPlainAsync(server.Http, "servicebot", xml);

        var body = await first.Content.ReadAsStringAsync();
        var content = Content(body);
        Assert.Contains("住房公积金提取", content);
        Assert.DoesNotContain("**", content);
        Assert.True(Encoding.UTF8.GetByteCount(content) <= WeChatOptions.MaxTextBytes);
        Assert.Equal(body, await retry.Content.ReadAsStringAsync());
    }
}
