using System.Net.Http.Json;
using System.Text.Json;

namespace ServiceBot.Server.Tests.Chat;

/// <summary>One user talking to POST /api/chat; keeps the conversation id and the user token between turns.</summary>
internal sealed class ChatSession(HttpClient http, string? userId = null, string? userToken = null)
{
    private int _sequence;

    public string UserId { get; } = userId ?? "user-" + Guid.NewGuid().ToString("N")[..8];

    public string? ConversationId { get; private set; }

    /// <summary>The token the server issued to this user (sent on every later turn).</summary>
    public string? UserToken { get; private set; } = userToken;

    /// <param name="place">A door-plate code, sent as the widget does when the page was opened with <c>?place=</c>.</param>
    public async Task<ChatTurn> SayAsync(string text, string? messageId = null, string? place = null)
    {
        messageId ??= $"{UserId}-{++_sequence}-{Guid.NewGuid():N}";
        using var response = await http.PostAsJsonAsync("api/chat", new { userId = UserId, conversationId = ConversationId, messageId, text, userToken = UserToken, place });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"POST /api/chat answered {(int)response.StatusCode}: {body}");
        var turn = new ChatTurn(JsonDocument.Parse(body).RootElement.Clone());
        ConversationId = turn.ConversationId;
        UserToken = turn.UserToken ?? UserToken;
        return turn;
    }
}

/// <summary>A parsed /api/chat response.</summary>
internal sealed record ChatTurn(JsonElement Json)
{
    public string ConversationId => Json.GetProperty("conversationId").GetString()!;
    public string Reply => Json.GetProperty("reply").GetString()!;
    public int CitationCount => Json.GetProperty("citations").GetArrayLength();
    public IReadOnlyList<string> Suggestions => Json.GetProperty("suggestions").EnumerateArray().Select(s => s.GetString()!).ToList();
    public JsonElement? Task => Json.GetProperty("task").ValueKind == JsonValueKind.Null ? null : Json.GetProperty("task");
    public string? TaskName => Task?.GetProperty("name").GetString();
    public string? State => Task?.GetProperty("state").GetString();
    public string? Ticket => Task?.GetProperty("ticket").GetString();
    public IReadOnlyList<string> Missing => Task?.GetProperty("missing").EnumerateArray().Select(s => s.GetString()!).ToList() ?? [];
    public string? Slot(string id) => Task is { } task && task.GetProperty("slots").TryGetProperty(id, out var value) ? value.GetString() : null;
    public bool Handoff => Json.GetProperty("handoff").GetBoolean();
    public string? UserToken => Json.TryGetProperty("userToken", out var token) ? token.GetString() : null;
}
