namespace ServiceBot.Handoff;

/// <summary>What happened in a handed-off conversation, for supervisors.</summary>
public static class AuditActions
{
    public const string HandedOff = "handoff";
    public const string TakenOver = "takeover";
    public const string AgentMessage = "message";

    /// <summary>The agent sent a reply the draft check had flagged.</summary>
    public const string FlagOverridden = "override";

    /// <summary>The agent filled in (or started) the user's form; the detail names the task and the slots filled.</summary>
    public const string TaskPrefilled = "task";
    public const string Released = "release";
    public const string Closed = "close";
    public const string UserReturned = "user_returned";
}

/// <param name="Actor">The agent's name, or <c>system</c> for the engine.</param>
/// <param name="Cited">The clauses the action rested on, as 《source》section.</param>
public sealed record AuditEntry(string ConversationId, DateTimeOffset At, string Actor, string Action, string? Detail, IReadOnlyList<string> Cited);

/// <summary>An append-only trail per conversation: who took it over, who said what, what was cited, who overrode a flag.</summary>
public interface IAuditLog
{
    Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken);

    /// <summary>The conversation's entries, oldest first.</summary>
    Task<IReadOnlyList<AuditEntry>> ListAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>Every trail's entries from <paramref name="from"/> (inclusive) to <paramref name="to"/> (exclusive), in the order written.</summary>
    Task<IReadOnlyList<AuditEntry>> ListBetweenAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);
}
