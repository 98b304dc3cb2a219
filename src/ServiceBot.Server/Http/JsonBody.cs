using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ServiceBot.Server.Http;

/// <summary>
/// Reads request bodies by hand rather than through parameter binding, so malformed or missing
/// JSON becomes a 400 problem with a Chinese message instead of the framework's empty 400.
/// </summary>
public static class JsonBody
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static async Task<(T? Body, ProblemHttpResult? Problem)> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        if (!request.HasJsonContentType())
            return (null, ApiProblems.InvalidJson("请求体必须是 JSON（Content-Type: application/json）。"));
        try
        {
            var body = await JsonSerializer.DeserializeAsync<T>(request.Body, Options, cancellationToken);
            return body is null ? (null, ApiProblems.InvalidJson("请求体不能为空。")) : (body, null);
        }
        catch (JsonException e)
        {
            var where = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "" : $"（位置 {e.Path}）";
            return (null, ApiProblems.InvalidJson($"请求体不是有效的 JSON{where}。"));
        }
    }
}
