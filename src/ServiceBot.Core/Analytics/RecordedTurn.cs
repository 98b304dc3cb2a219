using ServiceBot.Conversation;

namespace ServiceBot.Analytics;

/// <summary>One row of the turn analytics store: one user turn the engine ran.</summary>
/// <param name="At">When the turn ran (UTC; reports show it in the service's zone).</param>
/// <param name="Channel">api, widget, wechat, botframework, cli …</param>
/// <param name="UserHash">The channel user, hashed (<see cref="TurnUserHash"/>): counts distinct users without naming them.</param>
/// <param name="Outcome">One of <see cref="TurnOutcomes"/>.</param>
/// <param name="HandedOff">After this turn the conversation is with a person.</param>
/// <param name="Question">The user's text for answered and unanswered questions (encrypted at rest); null otherwise.</param>
/// <param name="TaskName">The 一件事 the turn worked on.</param>
/// <param name="TaskRun">The run of that task, so a funnel follows each run.</param>
/// <param name="TaskState">The run's state after the turn.</param>
/// <param name="AskedSlot">The slot the reply asked for.</param>
public sealed record RecordedTurn(
    DateTimeOffset At,
    string Channel,
    string ConversationId,
    string UserHash,
    string Outcome,
    bool HandedOff,
    string? Question,
    string? TaskName,
    string? TaskRun,
    string? TaskState,
    string? AskedSlot)
{
    /// <summary>
    /// The row of a turn the engine ran: the user hashed, the question kept only for the outcomes that need it
    /// (<see cref="TurnOutcomes.KeepsQuestion"/>). One definition for every writer of the row.
    /// </summary>
    /// <param name="question">The user's text as the engine read it (trimmed).</param>
    public static RecordedTurn Of(DateTimeOffset at, string channel, string userId, string conversationId, string question, TurnFacts facts)
        => new(at, channel, conversationId, TurnUserHash.Of(channel, userId), facts.Outcome, facts.HandedOff,
            TurnOutcomes.KeepsQuestion(facts.Outcome) ? question : null,
            facts.Task?.Name, facts.Task?.RunId, facts.Task?.State, facts.Task?.AskedSlot);

    /// <summary>
    /// The row of a turn a conversation store saves with its state: its question is the turn's own text, the last in
    /// the history. Null when the reply carries no facts (not a turn the engine ran).
    /// </summary>
    public static RecordedTurn? OfSavedTurn(ConversationState state, Reply reply)
        => reply.Facts is { } facts && state.History.Count > 0
            ? Of(state.UpdatedAt, state.Channel, state.UserId, reply.ConversationId, state.History[^1].User, facts)
            : null;
}
