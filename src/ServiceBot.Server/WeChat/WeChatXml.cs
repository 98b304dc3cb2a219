using System.Xml;
using System.Xml.Linq;

namespace ServiceBot.Server.WeChat;

/// <summary>
/// Reads and writes WeChat's flat <c>&lt;xml&gt;</c> documents. DTDs are prohibited and no resolver is set, so an
/// entity declaration (XXE, billion laughs) fails the parse instead of reading files or expanding.
/// </summary>
public static class WeChatXml
{
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersFromEntities = 0,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = false,
    };

    /// <summary>The root <c>&lt;xml&gt;</c> element, or null when the body is not such a document.</summary>
    public static XElement? TryParse(ReadOnlyMemory<byte> body)
    {
        try
        {
            using var stream = new MemoryStream(body.ToArray(), writable: false);
            using var reader = XmlReader.Create(stream, Settings);
            var root = XDocument.Load(reader).Root;
            return root is { Name.LocalName: "xml" } ? root : null;
        }
        catch (XmlException)
        {
            return null;
        }
    }

    public static XElement? TryParse(string text) => TryParse(System.Text.Encoding.UTF8.GetBytes(text));

    public static string? Field(this XElement root, string name) => root.Element(name)?.Value;

    /// <summary>A passive text reply; <paramref name="createTime"/> is fixed by the caller so a retried delivery gets identical bytes.</summary>
    public static string TextReply(string toUser, string fromUser, long createTime, string content) =>
        Serialize(new XElement("xml",
            new XElement("ToUserName", new XCData(toUser)),
            new XElement("FromUserName", new XCData(fromUser)),
            new XElement("CreateTime", createTime),
            new XElement("MsgType", new XCData("text")),
            new XElement("Content", new XCData(content))));

    /// <summary>The safe-mode envelope around an encrypted reply.</summary>
    public static string EncryptedReply(string encrypt, string signature, string timestamp, string nonce) =>
        Serialize(new XElement("xml",
            new XElement("Encrypt", new XCData(encrypt)),
            new XElement("MsgSignature", new XCData(signature)),
            new XElement("TimeStamp", timestamp),
            new XElement("Nonce", new XCData(nonce))));

    private static string Serialize(XElement root) => root.ToString(SaveOptions.DisableFormatting);
}

/// <summary>The fields of an inbound message or event that the channel uses.</summary>
public sealed record WeChatInbound(
    string ToUserName,
    string FromUserName,
    string CreateTime,
    string MsgType,
    string? Content,
    string? MsgId,
    string? Event,
    string? EventKey)
{
    /// <summary>WeChat's speech recognition of a voice message (the Recognition field), when the account has it on.</summary>
    public string? Recognition { get; init; }

    /// <summary>Null when the document lacks the addressing every message carries.</summary>
    public static WeChatInbound? From(XElement root)
    {
        var to = root.Field("ToUserName");
        var from = root.Field("FromUserName");
        var type = root.Field("MsgType");
        if (string.IsNullOrWhiteSpace(to) || string.IsNullOrWhiteSpace(from) || string.IsNullOrWhiteSpace(type)) return null;
        return new WeChatInbound(to.Trim(), from.Trim(), root.Field("CreateTime")?.Trim() ?? "", type.Trim().ToLowerInvariant(),
            root.Field("Content"), root.Field("MsgId")?.Trim(), root.Field("Event")?.Trim(), root.Field("EventKey")?.Trim())
        {
            Recognition = root.Field("Recognition"),
        };
    }

    /// <summary>
    /// What identifies one delivery across WeChat's retries: MsgId for messages; FromUserName + CreateTime for
    /// events, which carry no MsgId.
    /// </summary>
    public string DeliveryId => MsgType == "event" || string.IsNullOrEmpty(MsgId)
        ? $"evt-{CreateTime}-{Event?.ToLowerInvariant()}"
        : MsgId;
}
