using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace ServiceBot.Server.WeChat;

/// <summary>
/// The access token for WeChat's API (<c>GET /cgi-bin/token?grant_type=client_credential</c>), fetched once and
/// reused until shortly before it expires; concurrent callers share one fetch.
/// </summary>
public sealed class WeChatAccessTokens(IHttpClientFactory httpFactory, IOptions<WeChatOptions> options, TimeProvider clock)
{
    // Renew early so a token never expires between being handed out and being used.
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
            var path = $"cgi-bin/token?grant_type=client_credential&appid={Uri.EscapeDataString(settings.AppId!)}&secret={Uri.EscapeDataString(settings.AppSecret!)}";
            var http = httpFactory.CreateClient(WeChatServiceCollectionExtensions.ApiClient);
            var response = await http.GetFromJsonAsync<TokenResponse>(path, cancellationToken)
                ?? throw new WeChatApiException("The token endpoint returned an empty body.");
            if (string.IsNullOrEmpty(response.AccessToken))
                throw new WeChatApiException($"The token endpoint refused: {response.ErrorCode} {response.ErrorMessage}");
            var lifetime = TimeSpan.FromSeconds(Math.Max(response.ExpiresIn, 60));
            var renewAt = clock.GetUtcNow() + (lifetime > Margin * 2 ? lifetime - Margin : lifetime / 2);
            _current = (response.AccessToken, renewAt);
            return response.AccessToken;
        }
        finally
        {
            _fetch.Release();
        }
    }

    /// <summary>Forgets a token WeChat reported as invalid, so the next call fetches a fresh one.</summary>
    public void Invalidate(string token)
    {
        if (_current is { } cached && cached.Token == token) _current = null;
    }

    private sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string? AccessToken,
        [property: JsonPropertyName("expires_in")] int ExpiresIn,
        [property: JsonPropertyName("errcode")] int ErrorCode,
        [property: JsonPropertyName("errmsg")] string? ErrorMessage);
}

public sealed class WeChatApiException(string message) : Exception(message);
