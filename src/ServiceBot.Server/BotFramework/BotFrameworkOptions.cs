namespace ServiceBot.Server.BotFramework;

/// <summary>Settings bound from the <c>BotFramework</c> section. With no <see cref="AppId"/> anonymous requests are accepted (Emulator).</summary>
public sealed class BotFrameworkOptions
{
    public const string SectionName = "BotFramework";

    /// <summary>The bot's Microsoft App ID: the audience every channel token must carry, and the client id for outbound calls.</summary>
    public string? AppId { get; set; }

    /// <summary>The client secret used to obtain the bot's own token for replies.</summary>
    public string? AppPassword { get; set; }

    /// <summary>Where the signing keys of channel tokens are published (its <c>jwks_uri</c>).</summary>
    public Uri OpenIdMetadataUrl { get; set; } = new("https://login.botframework.com/v1/.well-known/openidconfiguration");

    /// <summary>The client-credentials endpoint for the bot's outbound token.</summary>
    public Uri TokenEndpoint { get; set; } = new("https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token");

    public string OAuthScope { get; set; } = "https://api.botframework.com/.default";

    /// <summary>The issuer of channel tokens.</summary>
    public string ValidIssuer { get; set; } = "https://api.botframework.com";

    /// <summary>Activities larger than this are refused with 413, declared length or chunked.</summary>
    public int MaxBodyBytes { get; set; } = 256 * 1024;

    public bool AuthenticationEnabled => !string.IsNullOrEmpty(AppId);
}
