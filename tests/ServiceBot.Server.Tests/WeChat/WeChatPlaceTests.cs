using static ServiceBot.Server.Tests.WeChat.WeChatRequests;

namespace ServiceBot.Server.Tests.WeChat;

/// <summary>Door-plate QR codes (数字政务门牌) over real HTTP against the real engine: the scene value opens the conversation there.</summary>
public sealed class WeChatPlaceTests
{
    private const string Token = "servicebot";

    private static Task<ChannelServer> StartAsync() => ChannelServer.StartAsync(new Dictionary<string, string> { ["WeChat:Token"] = Token }, engine: null);

    private static async Task<string> SendAsync(ChannelServer server, string xml)
    {
        using var response = await PostPlainAsync(server.Http, Token, xml);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task Receive_SubscribeThroughDoorPlate_WelcomesThereAndStationsNeedNoCity()
    {
        await using var server = await StartAsync();

        var welcome = Content(await SendAsync(server, EventXml("subscribe", "qrscene_KS-KF-0001")));
        var stations = Content(await SendAsync(server, TextXml("附近驿站", "place-1")));

        Assert.StartsWith("您好，您现在位于「开发区前进东路商业广场」", welcome);
        Assert.Contains("我是政务小助手", welcome);
        Assert.Contains("昆山开发区骑手驿站", stations);
        Assert.DoesNotContain("哪个城市", stations);
    }

    [Fact]
    public async Task Receive_ScanOfDoorPlate_AppealTakesThePlaceAsLocation()
    {
        await using var server = await StartAsync();

        var welcome = Content(await SendAsync(server, EventXml("SCAN", "HD-CT-0001", createTime: 1700000100)));
        var appeal = Content(await SendAsync(server, TextXml("我要登记12345诉求", "place-2")));

        Assert.StartsWith("您好，您现在位于「丛台区政务服务中心」", welcome);
        Assert.Contains("诉求地点已按您所在的「丛台区政务服务中心」填写", appeal);
    }

    [Fact]
    public async Task Receive_ScanOfUnknownCode_NoReply()
    {
        await using var server = await StartAsync();

        Assert.Equal("success", await SendAsync(server, EventXml("SCAN", "ZZ-ZZ-9999")));
    }

    [Fact]
    public async Task Receive_SubscribeWithUnknownScene_PlainWelcomeMenu()
    {
        await using var server = await StartAsync();

        var welcome = Content(await SendAsync(server, EventXml("subscribe", "qrscene_ZZ-ZZ-9999")));

        Assert.DoesNotContain("位于", welcome);
        Assert.Contains("7. 办件进度", welcome);
    }
}
