namespace ServiceBot.Server.WeChat;

/// <summary>Settings bound from the <c>WeChat</c> section. With no <see cref="Token"/> the channel is off and <c>/wechat</c> answers 404.</summary>
public sealed class WeChatOptions
{
    public const string SectionName = "WeChat";

    /// <summary>The token set in the Official Account or WeCom console; it keys every signature.</summary>
    public string? Token { get; set; }

    /// <summary>43 characters (Base64 of the 32-byte AES key without its '='). Unset: only plain mode is accepted.</summary>
    public string? EncodingAesKey { get; set; }

    /// <summary>The Official Account AppID, or the WeCom corpid: the receiver id carried inside every encrypted message.</summary>
    public string? AppId { get; set; }

    /// <summary>The AppSecret used to fetch an access token for the customer-service message API.</summary>
    public string? AppSecret { get; set; }

    /// <summary>
    /// Where the WeChat API lives, e.g. <c>https://api.weixin.qq.com</c>. Unset (the default): no customer-service
    /// messages are sent, so long answers are shortened and slow answers wait for WeChat's own retries.
    /// </summary>
    public Uri? CustomerServiceBaseUrl { get; set; }

    /// <summary>How long a delivery waits for the engine before answering <c>success</c>; WeChat gives up after 5 s.</summary>
    public TimeSpan ReplyTimeout { get; set; } = TimeSpan.FromSeconds(4);

    /// <summary>
    /// Without the customer-service API, how long after a turn starts its deliveries keep waiting for it. WeChat
    /// retries an unanswered message twice at 5 s intervals, and a retry that arrives after the answer is ready gets it.
    /// </summary>
    public TimeSpan RetryWindow { get; set; } = TimeSpan.FromSeconds(14);

    /// <summary>
    /// How far a signature's timestamp may lie from the server's clock, either way. A captured signature set is
    /// useless once it leaves the window, and within it each (timestamp, nonce) pair serves one message only.
    /// </summary>
    public TimeSpan SignatureWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// With an EncodingAesKey, plain (unencrypted) messages are refused unless this is set: a plain message carries
    /// no proof that it came from WeChat beyond the signature over timestamp and nonce.
    /// </summary>
    public bool AllowPlainMessages { get; set; }

    /// <summary>Larger bodies are refused with 413; WeChat's own messages are a few kilobytes.</summary>
    public int MaxBodyBytes { get; set; } = 64 * 1024;

    /// <summary>WeChat refuses passive and customer-service text longer than this many UTF-8 bytes.</summary>
    public const int MaxTextBytes = 2048;

    public bool Enabled => !string.IsNullOrEmpty(Token);

    public bool SafeModeEnabled => !string.IsNullOrEmpty(EncodingAesKey);

    public bool CustomerServiceEnabled => CustomerServiceBaseUrl is not null;
}
