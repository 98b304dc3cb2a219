using System.Net.Http.Json;
using System.Text.Json;

namespace ServiceBot.Backend;

/// <summary>The request and response conventions every backend client shares.</summary>
internal static class BackendHttp
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>POSTs a submission with its idempotency key set on the request message itself, so a retry carries it too.</summary>
    public static async Task<SubmissionResult> SubmitAsync<TBody>(HttpClient http, string path, TBody body, string idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(idempotencyKey);
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body, options: Json) };
        request.Headers.Add(BackendRetry.IdempotencyHeader, idempotencyKey);
        using var response = await http.SendAsync(request, cancellationToken);
        if (await ReadProblemAsync(response, cancellationToken) is { } problem) return SubmissionResult.Refused(problem);
        var ticket = await response.Content.ReadFromJsonAsync<TicketInfo>(Json, cancellationToken)
            ?? throw new InvalidOperationException($"The backend answered {path} with an empty body.");
        return SubmissionResult.Success(ticket);
    }

    public static async Task<LookupResult<T>> GetAsync<T>(HttpClient http, string path, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(path, cancellationToken);
        if (await ReadProblemAsync(response, cancellationToken) is { } problem) return LookupResult<T>.Missing(problem);
        var value = await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken)
            ?? throw new InvalidOperationException($"The backend answered {path} with an empty body.");
        return LookupResult<T>.Success(value);
    }

    public static string Segment(string value) => Uri.EscapeDataString(value.Trim());

    /// <summary>
    /// A 4xx is the backend's answer (a refusal or an invalid value) and becomes data; a 5xx that
    /// survived the resilience handler's retries is an outage and throws.
    /// </summary>
    private static async Task<BackendProblem?> ReadProblemAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        if (status is < 400 or >= 500)
        {
            response.EnsureSuccessStatusCode();
            return null;
        }

        string? code = null, message = null;
        if (response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true)
        {
            using var document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
            var root = document.RootElement;
            code = Text(root, "code");
            message = Text(root, "detail") ?? Text(root, "title");
        }
        return new BackendProblem(status, code ?? $"http_{status}", message ?? $"后端服务拒绝了请求（HTTP {status}）。");
    }

    private static string? Text(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
