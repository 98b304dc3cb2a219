namespace ServiceBot.Retrieval.Hybrid;

/// <summary>
/// Fuses two rankings by reciprocal rank fusion: score(d) = Σ 1 / (k + rank), rank starting at 1.
/// Ranks, not scores, are fused because BM25 and cosine scores live on unrelated scales.
/// </summary>
public sealed class HybridRetriever(IRetriever lexical, IRetriever dense, int k = HybridRetriever.DefaultK, int candidates = HybridRetriever.DefaultCandidates) : IRetriever
{
    public const int DefaultK = 60;
    public const int DefaultCandidates = 50;

    public IReadOnlyList<SearchHit> Search(string query, int top)
    {
        if (top <= 0) return [];
        var depth = Math.Max(top, candidates);
        var fused = new Dictionary<string, float>(StringComparer.Ordinal);
        var firstSeen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var ranking in new[] { lexical.Search(query, depth), dense.Search(query, depth) })
            for (var rank = 0; rank < ranking.Count; rank++)
            {
                var id = ranking[rank].Id;
                fused[id] = fused.GetValueOrDefault(id) + 1f / (k + rank + 1);
                firstSeen.TryAdd(id, firstSeen.Count);
            }
        // Ties keep the order in which ids first appeared (lexical first), so results are deterministic.
        return fused.OrderByDescending(p => p.Value).ThenBy(p => firstSeen[p.Key]).Take(top)
            .Select(p => new SearchHit(p.Key, p.Value)).ToList();
    }
}
