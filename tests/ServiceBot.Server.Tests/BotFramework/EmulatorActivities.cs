using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace ServiceBot.Server.Tests.BotFramework;

/// <summary>Activities shaped as the Bot Framework Emulator sends them.</summary>
public static class EmulatorActivities
{
    public const string UserId = "9a4b7c1e-user";
    public const string BotId = "4f2d86b0-bot";

    public static string ConversationId { get; } = Guid.NewGuid().ToString() + "|livechat";

    public static object Message(Uri serviceUrl, string id, string text, string? conversationId = null) => new
    {
        type = "message",
        id,
        timestamp = DateTimeOffset.UtcNow,
        serviceUrl = serviceUrl.ToString().TrimEnd('/'),
        channelId = "emulator",
        from = new { id = UserId, name = "User", role = "user" },
        conversation = new { id = conversationId ?? ConversationId },
        recipient = new { id = BotId, name = "Bot", role = "bot" },
        text,
        textFormat = "plain",
        locale = "zh-CN",
        entities = new object[] { new { type = "ClientCapabilities", requiresBotState = true } },
    };

    public static object ConversationUpdate(Uri serviceUrl, string conversationId) => new
    {
        type = "conversationUpdate",
        id = Guid.NewGuid().ToString(),
        serviceUrl = serviceUrl.ToString().TrimEnd('/'),
        channelId = "emulator",
        from = new { id = UserId, name = "User" },
        conversation = new { id = conversationId },
        recipient = new { id = BotId, name = "Bot", role = "bot" },
        membersAdded = new[] { new { id = BotId, name = "Bot" }, new { id = UserId, name = "User" } },
    };

    public static async Task<HttpResponseMessage> PostAsync(HttpClient http, object activity, string? bearer = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/messages") { Content = JsonContent.Create(activity) };
        if (bearer is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        return await http.SendAsync(request);
    }

    public static JsonElement Json(string body) => JsonDocument.Parse(body).RootElement;
}
