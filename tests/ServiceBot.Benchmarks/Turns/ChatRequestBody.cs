using System.Net.Http.Headers;
using System.Text.Json;

namespace ServiceBot.Benchmarks.Turns;

/// <summary>
/// A chat turn's JSON body, serialised up front so the request carries a Content-Length as the widget's
/// <c>fetch</c> does, instead of the chunked body <c>PostAsJsonAsync</c> streams (which no browser sends and which
/// costs the server a chunk parser per turn).
/// </summary>
internal static class ChatRequestBody
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    public static ByteArrayContent Create<T>(T turn)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(turn, Web));
        content.Headers.ContentType = Json;
        return content;
    }
}
