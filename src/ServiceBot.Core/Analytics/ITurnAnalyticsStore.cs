namespace ServiceBot.Analytics;

/// <summary>
/// One row per user turn (<see cref="RecordedTurn"/>), in the conversation database: what the dashboards count and
/// where the review queue finds refused questions. Covered by retention and by a user's erasure like the other stores.
/// </summary>
public interface ITurnAnalyticsStore
{
    Task RecordAsync(RecordedTurn turn, CancellationToken cancellationToken);

    /// <summary>
    /// The conversation store of the same database writes each turn's row in the turn's own transaction
    /// (<see cref="RecordedTurn.Of"/> from the reply's facts), so the row is never lost or written without its turn,
    /// and the turn pays for one write instead of two. Then <see cref="RecordAsync"/> is not called for those turns.
    /// </summary>
    bool RecordedWithTurns => false;

    /// <summary>Turns from <paramref name="from"/> (inclusive) to <paramref name="to"/> (exclusive), oldest first, questions decrypted.</summary>
    /// <param name="outcomes">Only these outcomes; null or empty for every outcome.</param>
    Task<IReadOnlyList<RecordedTurn>> ListAsync(DateTimeOffset from, DateTimeOffset to, IReadOnlyCollection<string>? outcomes,
        CancellationToken cancellationToken);
}
