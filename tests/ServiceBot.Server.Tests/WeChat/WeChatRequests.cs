using System.Globalization;
using System.Text;
using System.Xml.Linq;
using ServiceBot.Server.WeChat;

namespace ServiceBot.Server.Tests.WeChat;

/// <summary>Builds signed WeChat deliveries the way WeChat's servers send them.</summary>
public static class WeChatRequests
{
    public const string OpenId = "oUser_tester";
    public const string Account = "gh_servicebot";

    public static string TextXml(string content, string msgId, string from = OpenId, long createTime = 1700000000) =>
        $"<xml><ToUserName><![CDATA[{Account}]]></ToUserName><FromUserName><![CDATA[{from}]]></FromUserName><CreateTime>{createTime}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[{content}]]></Content><MsgId>{msgId}</MsgId></xml>";

    public static string EventXml(string eventName, string? key = null, string from = OpenId, long createTime = 1700000000) =>
        $"<xml><ToUserName><![CDATA[{Account}]]></ToUserName><FromUserName><![CDATA[{from}]]></FromUserName><CreateTime>{createTime}</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[{eventName}]]></Event><EventKey><![CDATA[{key}]]></EventKey></xml>";

    public static string ImageXml(string msgId) =>
        $"<xml><ToUserName><![CDATA[{Account}]]></ToUserName><FromUserName><![CDATA[{OpenId}]]></FromUserName><CreateTime>1700000000</CreateTime><MsgType><![CDATA[image]]></MsgType><PicUrl><![CDATA[http://127.0.0.1/p.jpg]]></PicUrl><MediaId><![CDATA[m1]]></MediaId><MsgId>{msgId}</MsgId></xml>";

    /// <summary>The time the test servers' clocks start at (<see cref="TestClock"/>).</summary>
    public const string Timestamp = "1700000000";

    public static string PlainQuery(string token, string timestamp = Timestamp, string nonce = "123456789") =>
        $"wechat?signature={WeChatSignature.Compute(token, timestamp, nonce)}&timestamp={timestamp}&nonce={nonce}&openid={OpenId}";

    /// <summary>
    /// Signs with a nonce derived from the body, as WeChat signs each message afresh: copies of one delivery share
    /// the signature set, and different messages never do unless a test passes the nonce.
    /// </summary>
    public static Task<HttpResponseMessage> PostPlainAsync(HttpClient http, string token, string xml, string timestamp = Timestamp, string? nonce = null) =>
        http.PostAsync(PlainQuery(token, timestamp, nonce ?? NonceFor(xml)), new StringContent(xml, Encoding.UTF8, "text/xml"));

    public static string NonceFor(string xml) =>
        BitConverter.ToUInt32(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(xml))).ToString(CultureInfo.InvariantCulture);

    /// <summary>An Official Account safe-mode delivery: plain signature plus msg_signature over the ciphertext.</summary>
    public static Task<HttpResponseMessage> PostSafeAsync(HttpClient http, string token, WeChatCrypto crypto, string xml, string timestamp = Timestamp, string? nonce = null)
    {
        nonce ??= NonceFor(xml);
        var encrypt = crypto.Encrypt(xml);
        var query = $"wechat?signature={WeChatSignature.Compute(token, timestamp, nonce)}&timestamp={timestamp}&nonce={nonce}&openid={OpenId}" +
                    $"&encrypt_type=aes&msg_signature={WeChatSignature.Compute(token, timestamp, nonce, encrypt)}";
        var envelope = $"<xml><ToUserName><![CDATA[{Account}]]></ToUserName><Encrypt><![CDATA[{encrypt}]]></Encrypt></xml>";
        return http.PostAsync(query, new StringContent(envelope, Encoding.UTF8, "text/xml"));
    }

    public static XElement Xml(string body) => XElement.Parse(body);

    public static string Content(string body) => Xml(body).Element("Content")!.Value;

    public static string Now() => DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    /// <summary>The <c>code</c> of a problem response.</summary>
    public static async Task<string?> ProblemCodeAsync(HttpResponseMessage response) =>
        System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString();
}
