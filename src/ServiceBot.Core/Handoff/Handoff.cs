namespace ServiceBot.Handoff;

/// <summary>Where a handed-off conversation stands (CONTRACT §6).</summary>
public static class HandoffStates
{
    /// <summary>In the queue: the bot no longer answers and no agent holds it yet.</summary>
    public const string Waiting = "waiting";

    /// <summary>An agent holds it; the user's messages reach that agent.</summary>
    public const string Active = "active";

    /// <summary>Back with the bot: released by the agent, closed with an outcome, or left by the user.</summary>
    public const string Closed = "closed";

    public static readonly IReadOnlyList<string> All = [Waiting, Active, Closed];
}

/// <summary>Why a conversation was handed off.</summary>
public static class HandoffReasons
{
    /// <summary>The user asked for a person (转人工, 人工客服, 找真人).</summary>
    public const string UserRequest = "user_request";

    /// <summary>The bot could not answer twice in a row.</summary>
    public const string RepeatedRefusal = "repeated_refusal";

    /// <summary>Three invalid values for one slot of the open task.</summary>
    public const string InvalidValues = "invalid_values";

    /// <summary>A safety or distress topic (想不开, 家暴 …): handed off at once, with the emergency numbers.</summary>
    public const string Distress = "distress";
}

/// <summary>How a handoff ended.</summary>
public static class HandoffOutcomes
{
    /// <summary>The agent handed the conversation back to the bot.</summary>
    public const string Released = "released";

    /// <summary>The user went back to the bot (不用了 / 返回机器人).</summary>
    public const string UserReturned = "user_returned";
}

/// <summary>One conversation's handoff: the queue entry an agent sees and takes over.</summary>
/// <param name="Agent">The agent holding it while active; the last one after it closed.</param>
/// <param name="Summary">Written for the agent once, when the desk first lists it.</param>
public sealed record HandoffRecord(
    string ConversationId,
    string Channel,
    string UserId,
    string State,
    string Reason,
    DateTimeOffset WaitingSince,
    string? Agent,
    DateTimeOffset? TakenAt,
    DateTimeOffset? ClosedAt,
    string? Outcome,
    string? Summary)
{
    public bool IsOpen => State is HandoffStates.Waiting or HandoffStates.Active;
}

/// <summary>One line of a handed-off conversation's transcript, numbered in the order it was written.</summary>
/// <param name="Speaker"><see cref="Assist.Speakers"/> or <see cref="TranscriptEntry.System"/>.</param>
/// <param name="Agent">The agent's name on agent lines.</param>
public sealed record TranscriptEntry(long Id, string ConversationId, string Speaker, string Text, DateTimeOffset At, string? Agent)
{
    /// <summary>Notes about the handoff itself (taken over, released), shown to both sides.</summary>
    public const string System = "system";
}
