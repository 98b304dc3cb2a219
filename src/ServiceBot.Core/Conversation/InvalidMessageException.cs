namespace ServiceBot.Conversation;

/// <summary>The message cannot be processed as sent (empty, oversized, someone else's conversation); HTTP maps it to 400.</summary>
public sealed class InvalidMessageException(string message, string paramName) : ArgumentException(message, paramName);
