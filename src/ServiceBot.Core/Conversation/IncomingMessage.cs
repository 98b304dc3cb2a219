namespace ServiceBot.Conversation;

/// <summary>One user turn as every channel hands it to the engine.</summary>
/// <param name="UserId">The user on that channel (WeChat OpenID, Bot Framework from.id, widget visitor id).</param>
/// <param name="Channel">api, widget, wechat, botframework, cli …</param>
/// <param name="ConversationId">Null continues the user's open conversation or starts one.</param>
/// <param name="MessageId">The channel's message id; a repeat returns the stored reply and never runs the turn again.</param>
/// <param name="Text">What the user typed.</param>
public sealed record IncomingMessage(string UserId, string Channel, string? ConversationId, string? MessageId, string Text);
