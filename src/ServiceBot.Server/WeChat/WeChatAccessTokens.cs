using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using ServiceBot.Server.Http;

namespace ServiceBot.Server.WeChat;

/// <summary>
/// The access token for WeChat's API (<c>GET /cgi-bin/token?grant_type=client_credential</c>), cached.
/// </summary>
public sealed class WeChatAccessTokens(IHttpClientFactory httpFactory, IOptions<WeChatOptions> options, TimeProvider clock)
{
    private readonly CachedToken _token = new(clock);

    public Task<string> GetAsync(CancellationToken cancellationToken) => _token.GetAsync(async ct =>
    {
        var settings = options.Value;
        var path = $"cgi-bin/token?grant_type=client_credential&appid={Uri.EscapeDataString(settings.AppId!)}&secret={Uri.EscapeDataString(settings.AppSecret!)}";
        var http = httpFactory.CreateClient(WeChatServiceCollectionExtensions.ApiClient);
        var response = await http.GetFromJsonAsync<TokenResponse>(path, ct)
            ?? throw new WeChatApiException("The token endpoint returned an empty body.");
        if (string.IsNullOrEmpty(response.AccessToken))
            throw new WeChatApiException($"The token endpoint refused: {response.ErrorCode} {response.ErrorMessage}");
        return (response.AccessToken, response.ExpiresIn);
    }, cancellationToken);

    /// <summary>Forgets a token WeChat reported as invalid, so the next call fetches a fresh one.</summary>
    public void Invalidate(string token) => _token.Invalidate(token);

    private sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string? AccessToken,
        [property: JsonPropertyName("expires_in")] int ExpiresIn,
        [property: JsonPropertyName("errcode")] int ErrorCode,
        [property: JsonPropertyName("errmsg")] string? ErrorMessage);
}

public sealed class WeChatApiException(string message) : Exception(message);
