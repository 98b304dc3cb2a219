using System.Net.Http.Headers;

namespace ServiceBot.Backend;

/// <summary>Which requests the resilience handler may send again.</summary>
public static class BackendRetry
{
    public const string IdempotencyHeader = "Idempotency-Key";

    /// <summary>
    /// Idempotent methods may always be retried. A POST may be retried only when it carries an
    /// Idempotency-Key: a retry resends the same request message, key included, so the backend
    /// answers with the ticket of the first attempt instead of creating a second one.
    /// </summary>
    public static bool IsReplaySafe(HttpRequestMessage request)
    {
        var method = request.Method;
        if (method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Options
            || method == HttpMethod.Put || method == HttpMethod.Delete || method == HttpMethod.Trace)
            return true;
        return HasIdempotencyKey(request.Headers);
    }

    private static bool HasIdempotencyKey(HttpRequestHeaders headers) =>
        headers.TryGetValues(IdempotencyHeader, out var values) && values.Any(v => !string.IsNullOrWhiteSpace(v));
}
