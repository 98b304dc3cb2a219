namespace ServiceBot.Server.Chat.Identity;

/// <summary>Who may speak for a user on <c>/api/chat</c> (section <c>Chat</c>).</summary>
public sealed class ChatIdentityOptions
{
    public const string SectionName = "Chat";

    public const int MinApiKeyLength = 16;

    /// <summary>Signs user tokens; when unset, a random secret is kept in <c>chat-token.key</c> beside the state database.</summary>
    public string? TokenSecret { get; set; }

    /// <summary>Keys (header <c>X-Api-Key</c>) that let a trusted integration act for any user.</summary>
    public string[] ApiKeys { get; set; } = [];
}
