using System.Text.Json;

namespace ServiceBot.Server.BotFramework;

/// <summary>
/// Where to reach a Bot Framework user later (the SDK's ConversationReference): the channel's serviceUrl, the
/// conversation, and the two accounts. Kept with the handoff so an agent's message can be sent proactively.
/// </summary>
public sealed record BotConversationReference(string ServiceUrl, string? ChannelId, ConversationAccount Conversation, ChannelAccount Bot, ChannelAccount User, string? Locale)
{
    public static BotConversationReference? From(Activity incoming)
        => incoming is { ServiceUrl: { Length: > 0 } url, Conversation: { } conversation, Recipient: { } bot, From: { } user }
            ? new(url, incoming.ChannelId, conversation, bot, user, incoming.Locale)
            : null;

    public string ToJson() => JsonSerializer.Serialize(this, Activity.Json);

    public static BotConversationReference? Parse(string json) => JsonSerializer.Deserialize<BotConversationReference>(json, Activity.Json);

    /// <summary>A new message in the conversation, not a reply to any activity.</summary>
    public Activity Message(string markdown) => new()
    {
        Type = ActivityTypes.Message,
        ChannelId = ChannelId,
        ServiceUrl = ServiceUrl,
        From = Bot,
        Recipient = User,
        Conversation = Conversation,
        Locale = Locale ?? "zh-CN",
        Text = markdown,
        TextFormat = "markdown",
        InputHint = "acceptingInput",
    };
}
