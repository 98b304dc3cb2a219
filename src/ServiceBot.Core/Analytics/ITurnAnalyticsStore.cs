namespace ServiceBot.Analytics;

/// <summary>
/// One row per user turn (<see cref="RecordedTurn"/>), in the conversation database: what the dashboards count and
/// where the review queue finds refused questions. Covered by retention and by a user's erasure like the other stores.
/// </summary>
public interface ITurnAnalyticsStore
{
    Task RecordAsync(RecordedTurn turn, CancellationToken cancellationToken);

    /// <summary>Turns from <paramref name="from"/> (inclusive) to <paramref name="to"/> (exclusive), oldest first, questions decrypted.</summary>
    /// <param name="outcomes">Only these outcomes; null or empty for every outcome.</param>
    Task<IReadOnlyList<RecordedTurn>> ListAsync(DateTimeOffset from, DateTimeOffset to, IReadOnlyCollection<string>? outcomes,
        CancellationToken cancellationToken);
}
