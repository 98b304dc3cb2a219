using System.Net;
using System.Xml.Linq;
using ServiceBot.Server.WeChat;
using static ServiceBot.Server.Tests.WeChat.WeChatCryptoTests;
using static ServiceBot.Server.Tests.WeChat.WeChatRequests;

namespace ServiceBot.Server.Tests.WeChat;

/// <summary>Voice messages over real HTTP against the real engine: WeChat's recognised text is handled as typed text.</summary>
public sealed class WeChatVoiceTests
{
    private static string VoiceXml(string? recognition, string msgId) =>
        $"<xml><ToUserName><![CDATA[{Account}]]></ToUserName><FromUserName><![CDATA[{OpenId}]]></FromUserName><CreateTime>1700000000</CreateTime>" +
        $"<MsgType><![CDATA[voice]]></MsgType><MediaId><![CDATA[media-{msgId}]]></MediaId><Format><![CDATA[amr]]></Format>" +
        (recognition is null ? "" : $"<Recognition><![CDATA[{recognition}]]></Recognition>") + $"<MsgId>{msgId}</MsgId></xml>";

    [Fact]
    public async Task Receive_PlainVoiceWithRecognition_StartsTheTaskAndSaysWhatWasHeard()
    {
        await using var server = await ChannelServer.StartAsync(new Dictionary<string, string> { ["WeChat:Token"] = "servicebot" }, engine: null);

        using var response = await PostPlainAsync(server.Http, "servicebot", VoiceXml("我要提取公积金", "voice-1"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var content = Content(await response.Content.ReadAsStringAsync());
        Assert.StartsWith("我听到的是：“我要提取公积金”", content);
        Assert.Contains("住房公积金提取", content);
    }

    [Fact]
    public async Task Receive_EncryptedVoiceWithRecognition_StartsTheTask()
    {
        await using var server = await ChannelServer.StartAsync(new Dictionary<string, string>
        {
            ["WeChat:Token"] = MpToken,
            ["WeChat:EncodingAesKey"] = MpKey,
            ["WeChat:AppId"] = MpAppId,
        }, engine: null);
        var crypto = new WeChatCrypto(MpKey, MpAppId);

        using var response = await PostSafeAsync(server.Http, MpToken, crypto, VoiceXml("我要提取公积金", "voice-2"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var envelope = Xml(await response.Content.ReadAsStringAsync());
        var reply = XElement.Parse(crypto.Decrypt(envelope.Element("Encrypt")!.Value)).Element("Content")!.Value;
        Assert.StartsWith("我听到的是：“我要提取公积金”", reply);
        Assert.Contains("住房公积金提取", reply);
    }

    [Fact]
    public async Task Receive_VoiceWithoutRecognition_AsksTheUserToType()
    {
        await using var server = await ChannelServer.StartAsync(new Dictionary<string, string> { ["WeChat:Token"] = "servicebot" }, engine: null);

        using var response = await PostPlainAsync(server.Http, "servicebot", VoiceXml(null, "voice-3"));

        Assert.Equal(WeChatMessageHandler.PleaseTypeVoice, Content(await response.Content.ReadAsStringAsync()));
    }
}
