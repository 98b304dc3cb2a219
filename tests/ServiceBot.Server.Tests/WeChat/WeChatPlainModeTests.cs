using System.Net;
using System.Text;
using ServiceBot.Server.WeChat;
using static ServiceBot.Server.Tests.WeChat.WeChatRequests;

namespace ServiceBot.Server.Tests.WeChat;

/// <summary>Plain mode over real HTTP: the server has a token and no EncodingAESKey.</summary>
public sealed class WeChatPlainModeTests : IAsyncLifetime
{
    private const string Token = WeChatCryptoTests.MpToken;
    private readonly ScriptedEngine _engine = ScriptedEngine.Default();
    private ChannelServer _server = null!;

    public async Task InitializeAsync() =>
        _server = await ChannelServer.StartAsync(new Dictionary<string, string>
        {
            ["WeChat:Token"] = Token,
            ["WeChat:ReplyTimeout"] = "00:00:00.300",
            ["WeChat:RetryWindow"] = "00:00:05",
        }, _engine);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private HttpClient Http => _server.Http;

    [Fact]
    public async Task Verify_OfficialSampleSignature_EchoesEchostr()
    {
        _server.Clock.SetNow(WeChatCryptoTests.MpTimestamp);
        var url = $"wechat?signature={WeChatCryptoTests.MpSignature}&timestamp={WeChatCryptoTests.MpTimestamp}&nonce={WeChatCryptoTests.MpNonce}&echostr=5927782489442352469";

        using var response = await Http.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("5927782489442352469", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Verify_ForgedSignature_Returns401()
    {
        using var response = await Http.GetAsync($"wechat?signature={new string('0', 40)}&timestamp={Timestamp}&nonce=2&echostr=hello");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain("hello", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Verify_SafeModeRequestWithoutAesKey_Returns400()
    {
        using var response = await Http.GetAsync("wechat?msg_signature=abc&timestamp=1&nonce=2&echostr=hello");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Receive_Text_RepliesWithEngineAnswerAddressedBack()
    {
        using var response = await PostPlainAsync(Http, Token, TextXml("公积金怎么提取", "10001"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/xml", response.Content.Headers.ContentType!.ToString());
        var xml = Xml(await response.Content.ReadAsStringAsync());
        Assert.Equal(OpenId, xml.Element("ToUserName")!.Value);
        Assert.Equal(Account, xml.Element("FromUserName")!.Value);
        Assert.Equal("text", xml.Element("MsgType")!.Value);
        Assert.Equal("收到：公积金怎么提取\n\n依据：《关于维护新就业形态劳动者劳动保障权益的指导意见》第十条\n\n您可以回复数字：\n1. 还有其他问题\n2. 转人工", xml.Element("Content")!.Value);
        var call = Assert.Single(_engine.Calls);
        Assert.Equal(("wechat", OpenId, "10001", "公积金怎么提取"), (call.Channel, call.UserId, call.MessageId, call.Text));
    }

    [Fact]
    public async Task Receive_SameMsgIdTwice_OneTurnAndIdenticalReplies()
    {
        using var first = await PostPlainAsync(Http, Token, TextXml("重复投递", "20001"));
        var firstBody = await first.Content.ReadAsStringAsync();
        await Task.Delay(1100); // a later second, so a reply stamped with the current time would differ
        using var second = await PostPlainAsync(Http, Token, TextXml("重复投递", "20001"));

        Assert.Equal(firstBody, await second.Content.ReadAsStringAsync());
        Assert.Equal(1, _engine.CallCount);
    }

    [Fact]
    public async Task Receive_ConcurrentRetriesOfSlowTurn_OneTurnAndIdenticalReplies()
    {
        _engine.SlowDelay = TimeSpan.FromMilliseconds(800);
        var xml = TextXml(ScriptedEngine.SlowQuestion, "20002");

        var responses = await Task.WhenAll(PostPlainAsync(Http, Token, xml), PostPlainAsync(Http, Token, xml), PostPlainAsync(Http, Token, xml));

        var bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()));
        Assert.All(bodies, b => Assert.Equal(bodies[0], b));
        Assert.StartsWith("收到：" + ScriptedEngine.SlowQuestion, Content(bodies[0]));
        Assert.Equal(1, _engine.CallCount);
    }

    [Fact]
    public async Task Receive_SlowAnswerWithoutCustomerService_HeldUntilReady()
    {
        _engine.SlowDelay = TimeSpan.FromSeconds(1);

        using var response = await PostPlainAsync(Http, Token, TextXml(ScriptedEngine.SlowQuestion, "20003"));

        Assert.StartsWith("收到：", Content(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Receive_LongAnswer_ReplyWithin2048Bytes()
    {
        using var response = await PostPlainAsync(Http, Token, TextXml(ScriptedEngine.LongQuestion, "30001"));

        var content = Content(await response.Content.ReadAsStringAsync());
        Assert.InRange(Encoding.UTF8.GetByteCount(content), 1000, WeChatOptions.MaxTextBytes);
        Assert.Contains(WeChatText.ShortenedNote, content);
    }

    [Fact]
    public async Task Receive_Subscribe_WelcomesWithTaskMenuWithoutEngine()
    {
        using var response = await PostPlainAsync(Http, Token, EventXml("subscribe"));

        var content = Content(await response.Content.ReadAsStringAsync());
        Assert.Contains("住房公积金提取", content);
        Assert.Contains("7. 办件进度", content);
        Assert.Equal(0, _engine.CallCount);
    }

    [Fact]
    public async Task Receive_DigitAfterWelcome_StartsThatTask()
    {
        using var welcome = await PostPlainAsync(Http, Token, EventXml("subscribe"));
        using var response = await PostPlainAsync(Http, Token, TextXml("1", "40001"));

        Assert.Equal("我要办理住房公积金提取", Assert.Single(_engine.Calls).Text);
    }

    [Fact]
    public async Task Receive_Unsubscribe_AnswersSuccessWithoutReply()
    {
        using var response = await PostPlainAsync(Http, Token, EventXml("unsubscribe"));

        Assert.Equal("success", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, _engine.CallCount);
    }

    [Fact]
    public async Task Receive_MenuClick_SendsTaskTriggerWithDeterministicEventId()
    {
        var xml = EventXml("CLICK", "TASK_fund_withdrawal", createTime: 1700000123);

        using var first = await PostPlainAsync(Http, Token, xml);
        using var retry = await PostPlainAsync(Http, Token, xml);

        var call = Assert.Single(_engine.Calls);
        Assert.Equal("我要办理住房公积金提取", call.Text);
        Assert.Equal("evt-1700000123-click", call.MessageId);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Receive_Image_AsksToTypeText()
    {
        using var response = await PostPlainAsync(Http, Token, ImageXml("50001"));

        Assert.Equal(WeChatMessageHandler.PleaseType, Content(await response.Content.ReadAsStringAsync()));
        Assert.Equal(0, _engine.CallCount);
    }

    [Fact]
    public async Task Receive_ForgedSignature_Returns401WithoutTurn()
    {
        using var response = await Http.PostAsync($"wechat?signature={new string('a', 40)}&timestamp=1700000000&nonce=1",
            new StringContent(TextXml("伪造", "60001"), Encoding.UTF8, "text/xml"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, _engine.CallCount);
    }

    [Fact]
    public async Task Receive_Xxe_Returns400WithoutFileContent()
    {
        const string xxe = "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>" +
                           "<xml><ToUserName>gh</ToUserName><FromUserName>u</FromUserName><CreateTime>1</CreateTime><MsgType>text</MsgType><Content>&xxe;</Content><MsgId>1</MsgId></xml>";

        using var response = await PostPlainAsync(Http, Token, xxe);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("root:", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, _engine.CallCount);
    }

    [Fact]
    public async Task Receive_EmptyBody_Returns400()
    {
        using var response = await PostPlainAsync(Http, Token, "");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Receive_OversizedBody_Returns413()
    {
        using var response = await PostPlainAsync(Http, Token, TextXml(new string('长', 30_000), "70001"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(0, _engine.CallCount);
    }

    [Fact]
    public async Task Receive_NotWeChatXml_Returns400()
    {
        using var response = await PostPlainAsync(Http, Token, "<html><body>hi</body></html>");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Receive_SafeModeDeliveryWithoutAesKey_Returns400()
    {
        var crypto = new WeChatCrypto(WeChatCryptoTests.MpKey, WeChatCryptoTests.MpAppId);

        using var response = await PostSafeAsync(Http, Token, crypto, TextXml("加密", "80001"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}

public sealed class WeChatDisabledTests
{
    [Fact]
    public async Task Wechat_TokenUnset_Returns404()
    {
        await using var server = await ChannelServer.StartAsync(new Dictionary<string, string>(), ScriptedEngine.Default());

        using var get = await server.Http.GetAsync("wechat?signature=a&timestamp=1&nonce=2&echostr=3");
        using var post = await server.Http.PostAsync("wechat", new StringContent("<xml/>"));

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
    }
}
