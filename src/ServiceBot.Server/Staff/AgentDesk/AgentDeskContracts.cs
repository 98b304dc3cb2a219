using ServiceBot.Answers;
using ServiceBot.Assist;
using ServiceBot.Conversation;
using ServiceBot.Handoff;

namespace ServiceBot.Server.Staff.AgentDesk;

/// <summary>One entry of <c>GET /api/agent/conversations</c> (CONTRACT §6), plus when it was taken and how it ended.</summary>
/// <param name="Task">The conversation's task with personal numbers masked, or null.</param>
public sealed record QueueItem(
    string ConversationId,
    string Channel,
    string State,
    string Reason,
    string? Summary,
    TaskSnapshot? Task,
    DateTimeOffset WaitingSince,
    string? Agent,
    DateTimeOffset? TakenAt,
    DateTimeOffset? ClosedAt,
    string? Outcome)
{
    public static QueueItem From(HandoffRecord handoff, string? summary, TaskSnapshot? task) => new(
        handoff.ConversationId, handoff.Channel, handoff.State, handoff.Reason, summary, task, handoff.WaitingSince,
        handoff.Agent, handoff.TakenAt, handoff.ClosedAt, handoff.Outcome);
}

/// <param name="Speaker">user, bot, agent or system.</param>
public sealed record TranscriptLineView(long Id, string Speaker, string Text, DateTimeOffset At, string? Agent);

/// <summary><c>GET /api/agent/conversations/{id}</c>: the queue entry and the transcript lines after <c>after</c>.</summary>
public sealed record ConversationDetail(QueueItem Conversation, IReadOnlyList<TranscriptLineView> Transcript);

/// <summary><c>POST …/messages</c> body. <see cref="Override"/> sends despite draft flags (recorded in the audit trail).</summary>
public sealed record AgentMessageRequest(string? Text, bool? Override, IReadOnlyList<Citation>? Citations);

/// <summary><c>POST …/messages</c> answer.</summary>
/// <param name="Problem">Why the message did not reach the user's channel (it is in the transcript either way).</param>
public sealed record SentMessage(long Id, string Channel, bool Delivered, string? Problem, IReadOnlyList<DraftFlag> Flags);

public sealed record DraftCheckRequest(string? Text, IReadOnlyList<Citation>? Citations);

public sealed record DraftCheckResponse(IReadOnlyList<DraftFlag> Flags);

public sealed record CloseRequest(string? Outcome);

/// <summary><c>POST /api/agent/assist</c> body (CONTRACT §6).</summary>
public sealed record CallAssistBody(string? CallId, string? At, IReadOnlyList<CallUtterance?>? Utterances);

public sealed record CallUtterance(string? Speaker, string? Text);

/// <summary><c>POST /api/agent/assist</c> answer (CONTRACT §6); slots masked.</summary>
public sealed record CallAssistResponse(CallAssistTask? Task, string Summary, IReadOnlyList<SuggestedReply> Suggestions);

public sealed record CallAssistTask(string Name, IReadOnlyDictionary<string, string> Slots, IReadOnlyList<string> Missing);

/// <summary><c>POST …/task</c> body: the catalog task and the values the agent fills in (slot id to value, as a user would say it).</summary>
public sealed record PrefillRequest(string? Name, IReadOnlyDictionary<string, string?>? Slots);

/// <summary><c>POST …/task</c> answer: the form now (masked), the bot's next step sent to the user, and the values refused with why.</summary>
public sealed record PrefilledTask(TaskSnapshot? Task, string Prompt, IReadOnlyDictionary<string, string> Refused, bool Delivered, string? Problem);
