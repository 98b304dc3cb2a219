namespace ServiceBot.Retrieval;

/// <summary>Sparse lexical index (placeholder implementation: character-bigram BM25).</summary>
public sealed class LexicalIndex : IRetriever
{
    private readonly List<IndexDocument> _docs;
    private readonly Dictionary<string, List<(int Doc, int Tf)>> _postings;
    private readonly int[] _lengths;
    private readonly double _avgLength;

    private LexicalIndex(List<IndexDocument> docs)
    {
        _docs = docs;
        _postings = new();
        _lengths = new int[docs.Count];
        for (var d = 0; d < docs.Count; d++)
        {
            var grams = Bigrams(docs[d].Title + docs[d].Text).GroupBy(g => g);
            foreach (var g in grams)
            {
                if (!_postings.TryGetValue(g.Key, out var list)) _postings[g.Key] = list = new();
                list.Add((d, g.Count()));
                _lengths[d] += g.Count();
            }
        }
        _avgLength = docs.Count == 0 ? 1 : _lengths.Average();
    }

    public int Count => _docs.Count;

    public static LexicalIndex Build(IEnumerable<IndexDocument> documents, IProgress<int>? progress = null)
        => new(documents.ToList());

    public IReadOnlyList<SearchHit> Search(string query, int top)
    {
        var scores = new Dictionary<int, double>();
        foreach (var g in Bigrams(query).Distinct())
        {
            if (!_postings.TryGetValue(g, out var list)) continue;
            var idf = Math.Log(1 + (_docs.Count - list.Count + 0.5) / (list.Count + 0.5));
            foreach (var (doc, tf) in list)
            {
                var norm = tf * 2.2 / (tf + 1.2 * (0.25 + 0.75 * _lengths[doc] / _avgLength));
                scores[doc] = scores.GetValueOrDefault(doc) + idf * norm;
            }
        }
        return scores.OrderByDescending(p => p.Value).Take(top)
            .Select(p => new SearchHit(_docs[p.Key].Id, (float)p.Value)).ToList();
    }

    private static IEnumerable<string> Bigrams(string text)
    {
        for (var i = 0; i + 1 < text.Length; i++)
            if (!char.IsWhiteSpace(text[i]) && !char.IsWhiteSpace(text[i + 1])) yield return text.Substring(i, 2);
    }
}
