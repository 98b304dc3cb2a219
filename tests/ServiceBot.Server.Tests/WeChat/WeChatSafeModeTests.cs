using System.Net;
using System.Text;
using System.Xml.Linq;
using ServiceBot.Server.WeChat;
using static ServiceBot.Server.Tests.WeChat.WeChatCryptoTests;
using static ServiceBot.Server.Tests.WeChat.WeChatRequests;

namespace ServiceBot.Server.Tests.WeChat;

/// <summary>WeCom-style safe mode over real HTTP, configured with Tencent's published WeCom sample (receiveid = corpid).</summary>
public sealed class WeChatSafeModeTests : IAsyncLifetime
{
    private readonly ScriptedEngine _engine = ScriptedEngine.Default();
    private readonly WeChatCrypto _crypto = new(WorkKey, WorkCorpId);
    private ChannelServer _server = null!;

    public async Task InitializeAsync() =>
        _server = await ChannelServer.StartAsync(new Dictionary<string, string>
        {
            ["WeChat:Token"] = WorkToken,
            ["WeChat:EncodingAesKey"] = WorkKey,
            ["WeChat:AppId"] = WorkCorpId,
        }, _engine);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private HttpClient Http => _server.Http;

    [Fact]
    public async Task Verify_WeComSample_ReturnsDecryptedEcho()
    {
        _server.Clock.SetNow(WorkVerifyTimestamp);
        var url = $"wechat?msg_signature={WorkVerifySignature}&timestamp={WorkVerifyTimestamp}&nonce={WorkVerifyNonce}&echostr={Uri.EscapeDataString(WorkVerifyEcho)}";

        using var response = await Http.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("1288432023552776189", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Verify_WeComSampleWithForgedSignature_Returns401()
    {
        _server.Clock.SetNow(WorkVerifyTimestamp);
        var url = $"wechat?msg_signature={WorkMsgSignature}&timestamp={WorkVerifyTimestamp}&nonce={WorkVerifyNonce}&echostr={Uri.EscapeDataString(WorkVerifyEcho)}";

        using var response = await Http.GetAsync(url);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Receive_WeComSample_DecryptsAndRepliesEncryptedForCorp()
    {
        _server.Clock.SetNow(WorkTimestamp);
        var url = $"wechat?msg_signature={WorkMsgSignature}&timestamp={WorkTimestamp}&nonce={WorkNonce}";

        using var response = await Http.PostAsync(url, new StringContent(WorkBody, Encoding.UTF8, "text/xml"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var call = Assert.Single(_engine.Calls);
        Assert.Equal(("ChenJiaShun", "1456453720", "你好"), (call.UserId, call.MessageId, call.Text));

        var envelope = Xml(await response.Content.ReadAsStringAsync());
        var encrypt = envelope.Element("Encrypt")!.Value;
        var signature = envelope.Element("MsgSignature")!.Value;
        Assert.Equal(WeChatSignature.Compute(WorkToken, envelope.Element("TimeStamp")!.Value, envelope.Element("Nonce")!.Value, encrypt), signature);
        var reply = XElement.Parse(_crypto.Decrypt(encrypt));
        Assert.Equal("ChenJiaShun", reply.Element("ToUserName")!.Value);
        Assert.Equal(WorkCorpId, reply.Element("FromUserName")!.Value);
        Assert.StartsWith("收到：你好", reply.Element("Content")!.Value);
    }

    [Fact]
    public async Task Receive_ForgedMsgSignature_Returns401WithoutTurn()
    {
        _server.Clock.SetNow(WorkTimestamp);
        var url = $"wechat?msg_signature={WorkVerifySignature}&timestamp={WorkTimestamp}&nonce={WorkNonce}";

        using var response = await Http.PostAsync(url, new StringContent(WorkBody, Encoding.UTF8, "text/xml"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, _engine.CallCount);
    }

    [Fact]
    public async Task Receive_TamperedCiphertextResigned_Returns400Not500()
    {
        var bytes = Convert.FromBase64String(WorkEncrypt);
        bytes[^1] ^= 0x5A;
        var tampered = Convert.ToBase64String(bytes);
        _server.Clock.SetNow(WorkTimestamp);
        var url = $"wechat?msg_signature={WeChatSignature.Compute(WorkToken, WorkTimestamp, WorkNonce, tampered)}&timestamp={WorkTimestamp}&nonce={WorkNonce}";

        using var response = await Http.PostAsync(url, new StringContent($"<xml><ToUserName>{WorkCorpId}</ToUserName><Encrypt><![CDATA[{tampered}]]></Encrypt></xml>", Encoding.UTF8, "text/xml"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, _engine.CallCount);
    }

    [Fact]
    public async Task Receive_TamperedCiphertextNotResigned_Returns401()
    {
        var tampered = "A" + WorkEncrypt[1..];
        _server.Clock.SetNow(WorkTimestamp);
        var url = $"wechat?msg_signature={WorkMsgSignature}&timestamp={WorkTimestamp}&nonce={WorkNonce}";

        using var response = await Http.PostAsync(url, new StringContent($"<xml><Encrypt><![CDATA[{tampered}]]></Encrypt></xml>", Encoding.UTF8, "text/xml"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Receive_MessageForAnotherCorp_Returns401()
    {
        var other = new WeChatCrypto(WorkKey, "ww_other_corp");
        var encrypt = other.Encrypt(TextXml("串号", "90001"));
        var url = $"wechat?msg_signature={WeChatSignature.Compute(WorkToken, Timestamp, "2", encrypt)}&timestamp={Timestamp}&nonce=2";

        using var response = await Http.PostAsync(url, new StringContent($"<xml><Encrypt><![CDATA[{encrypt}]]></Encrypt></xml>", Encoding.UTF8, "text/xml"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, _engine.CallCount);
    }

    [Fact]
    public async Task Receive_EncryptedXxe_Returns400()
    {
        var encrypt = _crypto.Encrypt("<!DOCTYPE xml [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><xml><ToUserName>a</ToUserName><FromUserName>b</FromUserName><MsgType>text</MsgType><Content>&xxe;</Content></xml>");
        var url = $"wechat?msg_signature={WeChatSignature.Compute(WorkToken, Timestamp, "2", encrypt)}&timestamp={Timestamp}&nonce=2";

        using var response = await Http.PostAsync(url, new StringContent($"<xml><Encrypt><![CDATA[{encrypt}]]></Encrypt></xml>", Encoding.UTF8, "text/xml"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("root:", await response.Content.ReadAsStringAsync());
    }
}

/// <summary>Official Account safe mode (encrypt_type=aes with both signatures), with Tencent's published Official Account sample.</summary>
public sealed class WeChatOfficialAccountSafeModeTests
{
    [Fact]
    public async Task Receive_OfficialAccountSample_DecryptsAndAnswers()
    {
        var engine = ScriptedEngine.Default();
        await using var server = await ChannelServer.StartAsync(new Dictionary<string, string>
        {
            ["WeChat:Token"] = MpToken,
            ["WeChat:EncodingAesKey"] = MpKey,
            ["WeChat:AppId"] = MpAppId,
        }, engine);
        server.Clock.SetNow(MpTimestamp);
        var url = $"wechat?signature={MpSignature}&timestamp={MpTimestamp}&nonce={MpNonce}&openid=oyORnuP8q7ou2gfYjqLzSIWZf0rs&encrypt_type=aes&msg_signature={MpMsgSignature}";
        var body = $"<xml><ToUserName><![CDATA[gh_10f6c3c3ac5a]]></ToUserName><Encrypt><![CDATA[{MpEncrypt}]]></Encrypt></xml>";

        using var response = await server.Http.PostAsync(url, new StringContent(body, Encoding.UTF8, "text/xml"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var call = Assert.Single(engine.Calls);
        Assert.Equal(("oyORnuP8q7ou2gfYjqLzSIWZf0rs", "6054768590064713728", "abcdteT"), (call.UserId, call.MessageId, call.Text));
        var envelope = Xml(await response.Content.ReadAsStringAsync());
        var reply = XElement.Parse(new WeChatCrypto(MpKey, MpAppId).Decrypt(envelope.Element("Encrypt")!.Value));
        Assert.StartsWith("收到：abcdteT", reply.Element("Content")!.Value);
    }
}
