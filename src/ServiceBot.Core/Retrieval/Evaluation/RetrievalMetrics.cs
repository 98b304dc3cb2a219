namespace ServiceBot.Retrieval.Evaluation;

/// <summary>Scores of one query's ranking against its judgements.</summary>
public sealed record QueryMetrics(
    string QueryId, double RecallAt10, double RecallAt100, double ReciprocalRankAt10, double NdcgAt10, bool HitAt10);

/// <summary>Means over the judged queries of a run.</summary>
public sealed record MetricsSummary(
    int Queries, double RecallAt10, double RecallAt100, double MrrAt10, double NdcgAt10, double HitAt10);

/// <summary>
/// Rank-based retrieval metrics with binary relevance. Documents repeated in a ranking count once, at their first rank.
/// A query without judgements scores 0 everywhere and is left out of <see cref="Average"/>.
/// </summary>
public static class RetrievalMetrics
{
    /// <summary>|R ∩ L_k| / |R|.</summary>
    public static double RecallAt(IReadOnlyList<string> ranked, IReadOnlyCollection<string> relevant, int k)
    {
        if (relevant.Count == 0) return 0;
        return (double)FirstRanksOfRelevant(ranked, relevant, k).Count / relevant.Count;
    }

    /// <summary>1 if any relevant document is in the top k, else 0.</summary>
    public static bool HitAt(IReadOnlyList<string> ranked, IReadOnlyCollection<string> relevant, int k) =>
        FirstRanksOfRelevant(ranked, relevant, k).Count > 0;

    /// <summary>1 / rank of the first relevant document within the top k, 0 if none.</summary>
    public static double ReciprocalRankAt(IReadOnlyList<string> ranked, IReadOnlyCollection<string> relevant, int k)
    {
        var ranks = FirstRanksOfRelevant(ranked, relevant, k);
        return ranks.Count == 0 ? 0 : 1.0 / ranks[0];
    }

    /// <summary>DCG@k / ideal DCG@k with gain 1 per relevant document and discount log2(rank + 1); ideal over min(|R|, k).</summary>
    public static double NdcgAt(IReadOnlyList<string> ranked, IReadOnlyCollection<string> relevant, int k)
    {
        if (relevant.Count == 0) return 0;
        var dcg = FirstRanksOfRelevant(ranked, relevant, k).Sum(rank => 1.0 / Math.Log2(rank + 1));
        var ideal = 0.0;
        for (var rank = 1; rank <= Math.Min(relevant.Count, k); rank++) ideal += 1.0 / Math.Log2(rank + 1);
        return dcg / ideal;
    }

    public static QueryMetrics Evaluate(EvaluationQuery query, IReadOnlyList<SearchHit> hits)
    {
        var ranked = hits.Select(h => h.Id).ToList();
        var relevant = query.Relevant;
        return new QueryMetrics(
            query.Id,
            RecallAt(ranked, relevant, 10),
            RecallAt(ranked, relevant, 100),
            ReciprocalRankAt(ranked, relevant, 10),
            NdcgAt(ranked, relevant, 10),
            HitAt(ranked, relevant, 10));
    }

    /// <summary>Averages per-query scores; pass only judged queries (see <see cref="IsJudged"/>).</summary>
    public static MetricsSummary Average(IReadOnlyCollection<QueryMetrics> perQuery)
    {
        if (perQuery.Count == 0) return new MetricsSummary(0, 0, 0, 0, 0, 0);
        return new MetricsSummary(
            perQuery.Count,
            perQuery.Average(m => m.RecallAt10),
            perQuery.Average(m => m.RecallAt100),
            perQuery.Average(m => m.ReciprocalRankAt10),
            perQuery.Average(m => m.NdcgAt10),
            perQuery.Average(m => m.HitAt10 ? 1.0 : 0.0));
    }

    /// <summary>
    /// Recall@k where the near-duplicates listed under a hit (<see cref="SearchHit.Twins"/>) count as found at its rank:
    /// what a reader of collapsed results sees. Equals <see cref="RecallAt"/> when no hit lists twins.
    /// </summary>
    public static double RecallCountingTwins(IReadOnlyList<SearchHit> hits, IReadOnlyCollection<string> relevant, int k)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(k);
        if (relevant.Count == 0) return 0;
        var wanted = relevant as IReadOnlySet<string> ?? new HashSet<string>(relevant, StringComparer.Ordinal);
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var hit in hits.Take(k))
        {
            if (wanted.Contains(hit.Id)) found.Add(hit.Id);
            foreach (var twin in hit.Twins)
                if (wanted.Contains(twin)) found.Add(twin);
        }
        return (double)found.Count / relevant.Count;
    }

    public static bool IsJudged(EvaluationQuery query) => query.Relevant.Count > 0;

    // 1-based ranks, ascending, of the distinct relevant documents within the top k.
    private static List<int> FirstRanksOfRelevant(IReadOnlyList<string> ranked, IReadOnlyCollection<string> relevant, int k)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(k);
        var wanted = relevant as IReadOnlySet<string> ?? new HashSet<string>(relevant, StringComparer.Ordinal);
        var found = new HashSet<string>(StringComparer.Ordinal);
        var ranks = new List<int>();
        for (var i = 0; i < Math.Min(k, ranked.Count); i++)
            if (wanted.Contains(ranked[i]) && found.Add(ranked[i])) ranks.Add(i + 1);
        return ranks;
    }
}
