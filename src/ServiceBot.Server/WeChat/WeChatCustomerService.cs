using System.Net.Http.Json;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ServiceBot.Server.WeChat;

/// <summary>Sends text through the customer-service message API (<c>POST /cgi-bin/message/custom/send</c>).</summary>
public sealed class WeChatCustomerService(HttpClient http, WeChatAccessTokens tokens)
{
    // access_token missing, invalid or expired: the cached one is dropped so the next send fetches anew.
    private static readonly int[] TokenErrors = [40001, 40014, 41001, 42001];

    // Chinese is sent as UTF-8 rather than \u escapes, as WeChat's own examples do.
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async Task SendTextAsync(string openId, string content, CancellationToken cancellationToken)
    {
        var token = await tokens.GetAsync(cancellationToken);
        var message = new CustomMessage(openId, "text", new TextContent(content));
        using var response = await http.PostAsJsonAsync($"cgi-bin/message/custom/send?access_token={Uri.EscapeDataString(token)}", message, Json, cancellationToken);
        response.EnsureSuccessStatusCode();
        var result = await response.Content.ReadFromJsonAsync<ApiResult>(cancellationToken);
        if (result is { ErrorCode: not 0 })
        {
            if (TokenErrors.Contains(result.ErrorCode)) tokens.Invalidate(token);
            throw new WeChatApiException($"custom/send refused: {result.ErrorCode} {result.ErrorMessage}");
        }
    }

    private sealed record CustomMessage(
        [property: JsonPropertyName("touser")] string ToUser,
        [property: JsonPropertyName("msgtype")] string MessageType,
        [property: JsonPropertyName("text")] TextContent Text);

    private sealed record TextContent([property: JsonPropertyName("content")] string Content);

    private sealed record ApiResult(
        [property: JsonPropertyName("errcode")] int ErrorCode,
        [property: JsonPropertyName("errmsg")] string? ErrorMessage);
}
