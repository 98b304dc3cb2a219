using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using ServiceBot.Server.Http;

namespace ServiceBot.Server.BotFramework;

/// <summary>The bot's own token for calls to a channel's serviceUrl (client credentials), cached until shortly before it expires.</summary>
public sealed class BotTokens(IHttpClientFactory httpFactory, IOptions<BotFrameworkOptions> options, TimeProvider clock)
{
    private readonly CachedToken _token = new(clock);

    public Task<string> GetAsync(CancellationToken cancellationToken) => _token.GetAsync(async ct =>
    {
        var settings = options.Value;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = settings.AppId!,
            ["client_secret"] = settings.AppPassword!,
            ["scope"] = settings.OAuthScope,
        });
        using var response = await httpFactory.CreateClient(BotFrameworkServiceCollectionExtensions.HttpClientName)
            .PostAsync(settings.TokenEndpoint, form, ct);
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>(ct);
        if (string.IsNullOrEmpty(token?.AccessToken)) throw new InvalidOperationException("The token endpoint returned no access_token.");
        return (token.AccessToken, token.ExpiresIn);
    }, cancellationToken);

    private sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string? AccessToken,
        [property: JsonPropertyName("expires_in")] int ExpiresIn);
}
