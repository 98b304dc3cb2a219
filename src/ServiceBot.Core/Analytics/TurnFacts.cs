namespace ServiceBot.Analytics;

/// <summary>
/// What the engine learned about a turn it ran, for the turn analytics and metrics. It travels on the
/// <see cref="Conversation.Reply"/> but is never stored with it, so a replayed delivery (a reply read back from the
/// store) carries none and is not counted twice.
/// </summary>
/// <param name="Outcome">One of <see cref="TurnOutcomes"/>.</param>
/// <param name="Task">The 一件事 this turn worked on, if any.</param>
public sealed record TurnFacts(string Outcome, TaskFacts? Task);

/// <summary>One task run as it stands after a turn.</summary>
/// <param name="Name">The catalog task name.</param>
/// <param name="RunId">Unique per run of the form within a conversation.</param>
/// <param name="State">collecting | confirming | submitted | cancelled | failed.</param>
/// <param name="AskedSlot">The slot the reply asks for, while collecting.</param>
/// <param name="Started">This turn opened the run.</param>
/// <param name="Changed">This turn opened the run or moved it to another state.</param>
public sealed record TaskFacts(string Name, string RunId, string State, string? AskedSlot, bool Started, bool Changed);
