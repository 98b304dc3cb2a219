namespace ServiceBot.Storage.Retention;

/// <summary>Deletes stored conversations and what belongs to them: a user's on request, everyone's once expired.</summary>
public interface IStateEraser
{
    /// <summary>
    /// Everything kept of one user on one channel: conversations with their state and replies, feedback, handoffs
    /// and their transcripts, and the user's turn analytics. Tickets already submitted to the backend are not touched.
    /// </summary>
    /// <returns>How many conversations were deleted.</returns>
    Task<int> EraseUserAsync(string channel, string userId, CancellationToken cancellationToken);

    /// <summary>Conversations idle since before <paramref name="cutoff"/>, and replies, transcripts, feedback, audit entries and turn analytics older than it.</summary>
    /// <returns>How many rows were deleted.</returns>
    Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);
}
