namespace ServiceBot.Handoff;

/// <summary>
/// The handoff queue and the transcripts of handed-off conversations. State changes are conditional updates, so
/// two agents (or two replicas) racing for one conversation get exactly one winner.
/// </summary>
public interface IHandoffStore
{
    Task<HandoffRecord?> FindAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>
    /// Puts the conversation in the queue (waiting, no agent) and appends <paramref name="lines"/> to its transcript,
    /// skipping lines no newer than the transcript's last one (those travelled with an earlier handoff).
    /// </summary>
    Task OpenAsync(HandoffRecord handoff, IReadOnlyList<TranscriptEntry> lines, CancellationToken cancellationToken);

    /// <summary>Handoffs in the given states, oldest waiting first.</summary>
    Task<IReadOnlyList<HandoffRecord>> ListAsync(IReadOnlyCollection<string> states, CancellationToken cancellationToken);

    /// <summary>1 for the conversation that has waited longest; 0 when it is not waiting.</summary>
    Task<int> QueuePositionAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>Waiting → active for <paramref name="agent"/>; true also when that agent already holds it. False when another agent does or it is closed.</summary>
    Task<bool> TryTakeOverAsync(string conversationId, string agent, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>
    /// Closes an open handoff with <paramref name="outcome"/>. With a <paramref name="holder"/> only while that agent
    /// holds it; without, whatever its open state (the user leaving, a supervisor).
    /// </summary>
    Task<bool> TryCloseAsync(string conversationId, string? holder, string outcome, DateTimeOffset at, CancellationToken cancellationToken);

    Task SetSummaryAsync(string conversationId, string summary, CancellationToken cancellationToken);

    /// <summary>How to reach the user proactively on their channel (a Bot Framework conversation reference), as the channel wrote it.</summary>
    Task SetChannelAddressAsync(string conversationId, string address, CancellationToken cancellationToken);

    Task<string?> FindChannelAddressAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>Appends one line; a <paramref name="messageId"/> already written for that speaker is not written twice. Returns the line's id.</summary>
    Task<long> AppendAsync(TranscriptEntry line, string? messageId, CancellationToken cancellationToken);

    /// <summary>The transcript lines after <paramref name="afterId"/>, oldest first.</summary>
    Task<IReadOnlyList<TranscriptEntry>> TranscriptAsync(string conversationId, long afterId, CancellationToken cancellationToken);
}
