namespace ServiceBot.Storage;

/// <summary>A user's thumbs up or down on one bot answer, kept for agents and quality review.</summary>
/// <param name="MessageId">The user message the answer replied to.</param>
/// <param name="Rating"><c>up</c> or <c>down</c>.</param>
public sealed record Feedback(
    string ConversationId,
    string MessageId,
    string Rating,
    string? Comment,
    DateTimeOffset CreatedAt);

/// <summary>Feedback on answers, one entry per answer: rating it again replaces the earlier rating.</summary>
public interface IFeedbackStore
{
    Task SaveAsync(Feedback feedback, CancellationToken cancellationToken);

    /// <summary>The conversation's feedback, oldest first.</summary>
    Task<IReadOnlyList<Feedback>> ListAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>Feedback given from <paramref name="from"/> (inclusive) to <paramref name="to"/> (exclusive), oldest first.</summary>
    Task<IReadOnlyList<Feedback>> ListBetweenAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);
}
