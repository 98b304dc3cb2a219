using System.Text.Json;
using System.Text.Json.Serialization;

namespace ServiceBot.Server.BotFramework;

/// <summary>
/// The part of the Bot Framework Activity schema this bot reads and writes (the SDK is not available here).
/// Unknown properties are ignored on input and nulls omitted on output.
/// </summary>
public sealed class Activity
{
    public string? Type { get; set; }
    public string? Id { get; set; }
    public string? Timestamp { get; set; }
    public string? ServiceUrl { get; set; }
    public string? ChannelId { get; set; }
    public ChannelAccount? From { get; set; }
    public ConversationAccount? Conversation { get; set; }
    public ChannelAccount? Recipient { get; set; }
    public string? Text { get; set; }
    public string? TextFormat { get; set; }
    public string? Locale { get; set; }
    public string? ReplyToId { get; set; }
    public string? InputHint { get; set; }
    public List<ChannelAccount>? MembersAdded { get; set; }
    public SuggestedActions? SuggestedActions { get; set; }

    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}

public sealed record ChannelAccount(string? Id, string? Name = null, string? Role = null);

public sealed record ConversationAccount(string? Id, string? Name = null, bool? IsGroup = null, string? ConversationType = null, string? TenantId = null);

public sealed record SuggestedActions(IReadOnlyList<string>? To, IReadOnlyList<CardAction> Actions);

/// <summary><c>imBack</c>: pressing the button sends <see cref="Value"/> back as the user's message.</summary>
public sealed record CardAction(string Type, string Title, string Value);

public static class ActivityTypes
{
    public const string Message = "message";
    public const string ConversationUpdate = "conversationUpdate";
}
