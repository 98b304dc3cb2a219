namespace ServiceBot.Conversation;

/// <summary>One user turn as every channel hands it to the engine.</summary>
/// <param name="UserId">The user on that channel (WeChat OpenID, Bot Framework from.id, widget visitor id).</param>
/// <param name="Channel">api, widget, wechat, botframework, cli …</param>
/// <param name="ConversationId">Null continues the user's open conversation or starts one.</param>
/// <param name="MessageId">The channel's message id; a repeat returns the stored reply and never runs the turn again.</param>
/// <param name="Text">What the user typed.</param>
public sealed record IncomingMessage(string UserId, string Channel, string? ConversationId, string? MessageId, string Text)
{
    /// <summary>
    /// On channels where the server issues conversation ids (<c>/api/chat</c>), an id the store does not know is refused
    /// instead of starting a conversation under it, so nobody can claim an id first.
    /// </summary>
    public bool ConversationIdIssuedByServer { get; init; }

    /// <summary>A door-plate code (the page's <c>?place=</c>, a WeChat QR scene); an unknown code is ignored.</summary>
    public string? Place { get; init; }

    /// <summary>
    /// The user arrived (scanned a door plate) without saying anything: <see cref="Text"/> may be empty, and the reply is
    /// the welcome.
    /// </summary>
    public bool Arrival { get; init; }
}
