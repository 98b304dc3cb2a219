using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using ServiceBot.Server.Http;
using ServiceBot.Server.Limits;

namespace ServiceBot.Server.WeChat;

/// <summary>
/// <c>GET /wechat</c> verifies the callback URL; <c>POST /wechat</c> receives messages in plain mode (signature
/// over token, timestamp, nonce) or safe mode (<c>encrypt_type=aes</c> or WeCom's bare <c>msg_signature</c>,
/// signature also over the ciphertext). Replies go back in the mode the message came in.
/// </summary>
public static class WeChatEndpoints
{
    public const string Route = "/wechat";
    private const string Success = "success";

    /// <summary>Maps nothing when <c>WeChat:Token</c> is unset, so the route answers 404.</summary>
    public static IEndpointRouteBuilder MapWeChat(this IEndpointRouteBuilder app)
    {
        if (!app.ServiceProvider.GetRequiredService<IOptions<WeChatOptions>>().Value.Enabled) return app;
        app.MapGet(Route, Verify).ExcludeFromDescription();
        app.MapPost(Route, ReceiveAsync).ExcludeFromDescription();
        return app;
    }

    private static IResult Verify(HttpRequest request, IOptions<WeChatOptions> options, TimeProvider clock)
    {
        var settings = options.Value;
        var query = request.Query;
        string? timestamp = query["timestamp"], nonce = query["nonce"], echo = query["echostr"];
        if (string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(nonce) || string.IsNullOrEmpty(echo))
            return Problems.MissingParameters();

        var fresh = WeChatSignatureWindow.IsFresh(timestamp, settings.SignatureWindow, clock);
        if (query.ContainsKey("signature"))
        {
            if (!fresh) return Problems.StaleTimestamp();
            return WeChatSignature.Matches(query["signature"], settings.Token!, timestamp, nonce)
                ? Results.Text(echo, "text/plain", Encoding.UTF8)
                : Problems.BadSignature();
        }

        if (!query.ContainsKey("msg_signature")) return Problems.MissingParameters();
        if (!settings.SafeModeEnabled) return Problems.SafeModeOff();
        if (!fresh) return Problems.StaleTimestamp();
        if (!WeChatSignature.Matches(query["msg_signature"], settings.Token!, timestamp, nonce, echo)) return Problems.BadSignature();
        try
        {
            return Results.Text(CryptoOf(settings).Decrypt(echo), "text/plain", Encoding.UTF8);
        }
        catch (WeChatCryptoException e)
        {
            return e.ReceiverMismatch ? Problems.WrongReceiver() : Problems.BadCiphertext();
        }
    }

    private static async Task<IResult> ReceiveAsync(
        HttpContext context, IOptions<WeChatOptions> options, WeChatTurns turns, WeChatMessageHandler handler,
        WeChatDelivery delivery, IWeChatNonceStore nonces, UserRateLimiter userLimits, IHostApplicationLifetime lifetime, TimeProvider clock)
    {
        var settings = options.Value;
        var query = context.Request.Query;
        string timestamp = query["timestamp"].ToString(), nonce = query["nonce"].ToString();
        var safe = string.Equals(query["encrypt_type"], "aes", StringComparison.OrdinalIgnoreCase) || query.ContainsKey("msg_signature");

        // Timestamp and plain signature are checked before the body is read: an unauthenticated request costs nothing more.
        if (!WeChatSignatureWindow.IsFresh(timestamp, settings.SignatureWindow, clock)) return Problems.StaleTimestamp();
        if ((!safe || query.ContainsKey("signature")) && !WeChatSignature.Matches(query["signature"], settings.Token!, timestamp, nonce))
            return Problems.BadSignature();
        if (safe && !settings.SafeModeEnabled) return Problems.SafeModeOff();
        if (!safe && settings.SafeModeEnabled && !settings.AllowPlainMessages) return Problems.PlainRefused();

        var (body, bodyProblem) = await ReadBodyAsync(context.Request, settings.MaxBodyBytes, context.RequestAborted);
        if (bodyProblem is not null) return bodyProblem;
        var root = WeChatXml.TryParse(body);
        if (root is null) return Problems.BadXml();

        var crypto = safe ? CryptoOf(settings) : null;
        if (crypto is not null)
        {
            var encrypt = root.Field("Encrypt");
            if (string.IsNullOrEmpty(encrypt)) return Problems.BadXml();
            if (!WeChatSignature.Matches(query["msg_signature"], settings.Token!, timestamp, nonce, encrypt)) return Problems.BadSignature();
            try
            {
                root = WeChatXml.TryParse(crypto.Decrypt(encrypt));
            }
            catch (WeChatCryptoException e)
            {
                return e.ReceiverMismatch ? Problems.WrongReceiver() : Problems.BadCiphertext();
            }
            if (root is null) return Problems.BadXml();
        }

        var message = WeChatInbound.From(root);
        if (message is null) return Problems.BadXml();

        // The timestamp lies within a window of now, so after twice the window the pair is refused as stale anyway.
        var deliveryKey = message.FromUserName + "\n" + message.DeliveryId;
        if (!await nonces.TryBindAsync(timestamp, nonce, deliveryKey, settings.SignatureWindow * 2, context.RequestAborted))
            return Problems.Replayed();
        if (userLimits.Refuse(context, WeChatMessageHandler.Channel, message.FromUserName) is { } tooMany) return tooMany;

        // The turn outlives this request: a retry, or the customer-service API, may carry its answer.
        var turn = turns.GetOrStart(deliveryKey,
            () => handler.HandleAsync(message, lifetime.ApplicationStopping));
        var text = await delivery.PassiveTextAsync(turn, message.FromUserName, context.RequestAborted);
        if (text is null) return Results.Text(Success, "text/plain", Encoding.UTF8);

        var reply = WeChatXml.TextReply(message.FromUserName, message.ToUserName, turn.StartedAt.ToUnixTimeSeconds(), text);
        if (crypto is not null)
        {
            var encrypted = crypto.Encrypt(reply);
            var replyTimestamp = clock.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
            var replyNonce = RandomNumberGenerator.GetInt32(100_000_000, int.MaxValue).ToString(System.Globalization.CultureInfo.InvariantCulture);
            reply = WeChatXml.EncryptedReply(encrypted, WeChatSignature.Compute(settings.Token!, replyTimestamp, replyNonce, encrypted), replyTimestamp, replyNonce);
        }
        return Results.Text(reply, "text/xml", Encoding.UTF8);
    }

    private static WeChatCrypto CryptoOf(WeChatOptions settings) => new(settings.EncodingAesKey!, settings.AppId!);

    private static async Task<(byte[] Body, IResult? Problem)> ReadBodyAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes) return ([], Problems.TooLarge(maxBytes));
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes) return ([], Problems.TooLarge(maxBytes));
            buffer.Write(chunk, 0, read);
        }
        return buffer.Length == 0 ? ([], Problems.Empty()) : (buffer.ToArray(), null);
    }

    private static class Problems
    {
        public static IResult MissingParameters() => ApiProblems.Create(400, "missing_parameters", "参数不完整", "缺少 timestamp、nonce、signature 或 echostr 参数。");
        public static IResult StaleTimestamp() => ApiProblems.Create(401, "stale_signature", "签名已过期", "时间戳不在有效期内。");
        public static IResult Replayed() => ApiProblems.Create(401, "replayed_signature", "签名已被使用", "该签名已用于另一条消息。");
        public static IResult PlainRefused() => ApiProblems.Create(403, "plain_message_refused", "只接受加密消息", "服务器已配置 EncodingAESKey，不接受明文消息。");
        public static IResult BadSignature() => ApiProblems.Create(401, "invalid_signature", "签名校验失败", "签名不正确，请求未被接受。");
        public static IResult WrongReceiver() => ApiProblems.Create(401, "invalid_receiver", "接收方不符", "消息不是发给本公众号或企业的。");
        public static IResult SafeModeOff() => ApiProblems.Create(400, "safe_mode_not_configured", "未启用安全模式", "服务器未配置 EncodingAESKey，只接受明文模式。");
        public static IResult BadCiphertext() => ApiProblems.Create(400, "invalid_ciphertext", "密文无效", "消息密文无法解密。");
        public static IResult BadXml() => ApiProblems.Create(400, "invalid_xml", "消息格式错误", "请求体不是有效的微信 XML 消息。");
        public static IResult Empty() => ApiProblems.Create(400, "empty_body", "消息为空", "请求体不能为空。");
        public static IResult TooLarge(int maxBytes) => ApiProblems.Create(413, "body_too_large", "消息过大", $"请求体不能超过 {maxBytes} 字节。");
    }
}
