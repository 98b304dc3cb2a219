using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace ServiceBot.Server.Chat;

/// <summary>
/// The JSON of <c>POST /api/chat</c>, its metadata generated at build time instead of reflected per type. Replies are
/// mostly Chinese, so letters of every script are written as they are (a third of the bytes of <c>\uXXXX</c> escapes);
/// characters that matter in HTML (<c>&lt; &gt; &amp; ' "</c>) are still escaped.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ChatRequest))]
[JsonSerializable(typeof(ChatResponse))]
internal sealed partial class ChatJson : JsonSerializerContext
{
    public static ChatJson Wire { get; } = new(new JsonSerializerOptions(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    });
}
