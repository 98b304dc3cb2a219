using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ServiceBot.Server.Http;

/// <summary>
/// Reads request bodies by hand rather than through parameter binding, so malformed or missing
/// JSON becomes a 400 problem with a Chinese message instead of the framework's empty 400.
/// </summary>
public static class JsonBody
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };

    public static Task<(T? Body, ProblemHttpResult? Problem)> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class =>
        ReadAsync(request, (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T)), cancellationToken);

    /// <summary>Reads the body with metadata generated at build time (a route's own <see cref="System.Text.Json.Serialization.JsonSerializerContext"/>).</summary>
    public static async Task<(T? Body, ProblemHttpResult? Problem)> ReadAsync<T>(HttpRequest request, JsonTypeInfo<T> type, CancellationToken cancellationToken)
        where T : class
    {
        if (!request.HasJsonContentType())
            return (null, ApiProblems.InvalidJson("请求体必须是 JSON（Content-Type: application/json）。"));
        try
        {
            var body = await JsonSerializer.DeserializeAsync(request.Body, type, cancellationToken);
            return body is null ? (null, ApiProblems.InvalidJson("请求体不能为空。")) : (body, null);
        }
        catch (JsonException e)
        {
            var where = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "" : $"（位置 {e.Path}）";
            return (null, ApiProblems.InvalidJson($"请求体不是有效的 JSON{where}。"));
        }
    }
}
