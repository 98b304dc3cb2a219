using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace ServiceBot.Server.BotFramework;

/// <summary>The bot's own token for calls to a channel's serviceUrl (client credentials), cached until shortly before it expires.</summary>
public sealed class BotTokens(IHttpClientFactory httpFactory, IOptions<BotFrameworkOptions> options, TimeProvider clock)
{
    private static readonly TimeSpan Margin = TimeSpan.FromMinutes(5);
    private readonly SemaphoreSlim _fetch = new(1, 1);
    private (string Token, DateTimeOffset RenewAt)? _current;

    public async Task<string> GetAsync(CancellationToken cancellationToken)
    {
        if (_current is { } cached && clock.GetUtcNow() < cached.RenewAt) return cached.Token;
        await _fetch.WaitAsync(cancellationToken);
        try
        {
            if (_current is { } again && clock.GetUtcNow() < again.RenewAt) return again.Token;
            var settings = options.Value;
            using var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = settings.AppId!,
                ["client_secret"] = settings.AppPassword!,
                ["scope"] = settings.OAuthScope,
            });
            using var response = await httpFactory.CreateClient(BotFrameworkServiceCollectionExtensions.HttpClientName)
                .PostAsync(settings.TokenEndpoint, form, cancellationToken);
            response.EnsureSuccessStatusCode();
            var token = await response.Content.ReadFromJsonAsync<TokenResponse>(cancellationToken);
            if (string.IsNullOrEmpty(token?.AccessToken)) throw new InvalidOperationException("The token endpoint returned no access_token.");
            var lifetime = TimeSpan.FromSeconds(Math.Max(token.ExpiresIn, 60));
            _current = (token.AccessToken, clock.GetUtcNow() + (lifetime > Margin * 2 ? lifetime - Margin : lifetime / 2));
            return token.AccessToken;
        }
        finally
        {
            _fetch.Release();
        }
    }

    private sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string? AccessToken,
        [property: JsonPropertyName("expires_in")] int ExpiresIn);
}
