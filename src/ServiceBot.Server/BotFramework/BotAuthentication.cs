using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace ServiceBot.Server.BotFramework;

/// <summary>
/// Checks the channel's <c>Authorization: Bearer</c> JWT: issuer, audience (= AppId), lifetime, and an RS256
/// signature by a key from the OpenID metadata's <c>jwks_uri</c> (fetched once and cached by the configuration manager).
/// </summary>
public sealed class BotAuthentication
{
    private readonly BotFrameworkOptions _options;
    private readonly ConfigurationManager<OpenIdConnectConfiguration> _metadata;
    private readonly JsonWebTokenHandler _handler = new();
    private readonly ILogger<BotAuthentication> _logger;

    public BotAuthentication(IOptions<BotFrameworkOptions> options, IHttpClientFactory httpFactory, ILogger<BotAuthentication> logger)
    {
        _options = options.Value;
        _logger = logger;
        var retriever = new HttpDocumentRetriever(httpFactory.CreateClient(BotFrameworkServiceCollectionExtensions.HttpClientName))
        {
            RequireHttps = _options.OpenIdMetadataUrl.Scheme == Uri.UriSchemeHttps,
        };
        _metadata = new ConfigurationManager<OpenIdConnectConfiguration>(_options.OpenIdMetadataUrl.AbsoluteUri, new OpenIdConnectConfigurationRetriever(), retriever);
    }

    public async Task<BotAuthResult> AuthenticateAsync(string? authorization, CancellationToken cancellationToken)
    {
        const string scheme = "Bearer ";
        if (string.IsNullOrEmpty(authorization) || !authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
            return BotAuthResult.Refused;

        OpenIdConnectConfiguration metadata;
        try
        {
            metadata = await _metadata.GetConfigurationAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _logger.LogError(e, "The Bot Framework OpenID metadata could not be read from {Url}.", _options.OpenIdMetadataUrl);
            return BotAuthResult.Unavailable;
        }

        var result = await _handler.ValidateTokenAsync(authorization[scheme.Length..].Trim(), new TokenValidationParameters
        {
            ValidIssuer = _options.ValidIssuer,
            ValidAudience = _options.AppId,
            IssuerSigningKeys = metadata.SigningKeys,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateLifetime = true,
            ClockSkew = TimeSpan.FromMinutes(5),
        });
        if (!result.IsValid)
        {
            _logger.LogInformation("A Bot Framework token was refused: {Reason}", result.Exception?.Message);
            return BotAuthResult.Refused;
        }
        var serviceUrl = result.Claims.TryGetValue("serviceurl", out var claim) ? claim as string : null;
        return new BotAuthResult(BotAuthStatus.Valid, serviceUrl);
    }
}

public enum BotAuthStatus { Valid, Refused, Unavailable }

/// <param name="ServiceUrl">The token's <c>serviceurl</c> claim; when present the activity must name the same serviceUrl.</param>
public sealed record BotAuthResult(BotAuthStatus Status, string? ServiceUrl = null)
{
    public static BotAuthResult Refused { get; } = new(BotAuthStatus.Refused);
    public static BotAuthResult Unavailable { get; } = new(BotAuthStatus.Unavailable);
}
