using ServiceBot.Retrieval.Lexical;
using ServiceBot.Text;

namespace ServiceBot.Retrieval;

/// <summary>
/// The sparse index: BM25 over jieba words and over character bigrams, then two structural
/// signals: a clause inherits part of its best neighbour's score, and every clause gains the
/// mean score of its document's best clauses.
/// </summary>
public sealed partial class LexicalIndex : IRetriever
{
    private readonly string[] _ids;
    private readonly FieldPostings _words;
    private readonly FieldPostings _bigrams;
    private readonly DocumentGroups _groups;
    private readonly ChineseAnalyzer _analyzer;
    private readonly LexicalIndexOptions _options;
    private readonly ThreadLocal<SearchScratch> _scratch;

    private LexicalIndex(string[] ids, FieldPostings words, FieldPostings bigrams, DocumentGroups groups,
        ChineseAnalyzer analyzer, LexicalIndexOptions options)
    {
        _ids = ids;
        _words = words;
        _bigrams = bigrams;
        _groups = groups;
        _analyzer = analyzer;
        _options = options;
        _scratch = new ThreadLocal<SearchScratch>(() => new SearchScratch(ids.Length));
    }

    public int Count => _ids.Length;

    public LexicalIndexOptions Options => _options;

    public static LexicalIndex Build(IEnumerable<IndexDocument> documents, IProgress<int>? progress = null)
        => Build(documents, new ChineseAnalyzer(), new LexicalIndexOptions(), progress);

    /// <summary>Builds the index; <paramref name="progress"/> receives the number of documents analysed so far.</summary>
    public static LexicalIndex Build(IEnumerable<IndexDocument> documents, ChineseAnalyzer analyzer,
        LexicalIndexOptions options, IProgress<int>? progress = null)
    {
        var list = documents as IReadOnlyList<IndexDocument> ?? documents.ToList();
        var words = new List<string>[list.Count];
        var bigrams = new List<string>[list.Count];
        var done = 0;
        Parallel.For(0, list.Count, d =>
        {
            var document = list[d];
            // The section (第X条, 四、(八)) is matched only through the group signal; its words carry no topic.
            var text = TextNormalizer.Normalize(document.Text);
            words[d] = analyzer.Words(text);
            bigrams[d] = ChineseAnalyzer.Bigrams(text);
            var current = Interlocked.Increment(ref done);
            if (progress is not null && (current % 1000 == 0 || current == list.Count)) progress.Report(current);
        });
        var ids = list.Select(d => d.Id).ToArray();
        return new LexicalIndex(ids, FieldPostings.Build(words), FieldPostings.Build(bigrams),
            DocumentGroups.Build(list), analyzer, options);
    }

    public IReadOnlyList<SearchHit> Search(string query, int top)
    {
        if (top <= 0 || string.IsNullOrWhiteSpace(query)) return [];
        var analyzed = _analyzer.AnalyzeQuery(query);
        if (analyzed.IsEmpty) return [];
        var scratch = _scratch.Value!;
        try
        {
            Accumulate(_words, analyzed.Words, _options.WordWeight, scratch);
            Accumulate(_bigrams, analyzed.Bigrams, _options.BigramWeight, scratch);
            SmoothWithNeighbours(scratch);
            AddGroupEvidence(scratch);
            return TopHits(scratch, top);
        }
        finally
        {
            scratch.Reset();
        }
    }

    private void Accumulate(FieldPostings field, IReadOnlyDictionary<string, float> terms, float fieldWeight, SearchScratch scratch)
    {
        if (fieldWeight <= 0) return;
        float k1 = _options.K1, b = _options.B, n = _ids.Length;
        var raw = scratch.Raw;
        foreach (var (term, queryWeight) in terms)
        {
            if (!field.TermIds.TryGetValue(term, out var termId)) continue;
            int start = field.Offsets[termId], end = field.Offsets[termId + 1];
            var df = end - start;
            var idf = MathF.Log(1 + (n - df + 0.5f) / (df + 0.5f));
            var weight = fieldWeight * queryWeight * idf * (k1 + 1);
            var norm = k1 / field.AverageLength;
            for (var p = start; p < end; p++)
            {
                var d = field.Documents[p];
                float tf = field.Frequencies[p];
                if (raw[d] == 0) scratch.Touched.Add(d);
                raw[d] += weight * tf / (tf + k1 * (1 - b) + norm * b * field.Lengths[d]);
            }
        }
    }

    private void SmoothWithNeighbours(SearchScratch scratch)
    {
        var alpha = _options.NeighborWeight;
        foreach (var d in scratch.Touched)
        {
            MarkCandidate(scratch, d);
            if (alpha <= 0) continue;
            if (_groups.Previous[d] >= 0) MarkCandidate(scratch, _groups.Previous[d]);
            if (_groups.Next[d] >= 0) MarkCandidate(scratch, _groups.Next[d]);
        }
        var raw = scratch.Raw;
        foreach (var d in scratch.Candidates)
        {
            float previous = _groups.Previous[d] >= 0 ? raw[_groups.Previous[d]] : 0;
            float next = _groups.Next[d] >= 0 ? raw[_groups.Next[d]] : 0;
            scratch.Smoothed[d] = raw[d] + alpha * MathF.Max(previous, next);
        }
    }

    private static void MarkCandidate(SearchScratch scratch, int d)
    {
        if (scratch.IsCandidate[d]) return;
        scratch.IsCandidate[d] = true;
        scratch.Candidates.Add(d);
    }

    private void AddGroupEvidence(SearchScratch scratch)
    {
        if (_options.GroupWeight <= 0) return;
        var m = _options.GroupTopClauses;
        // Each group keeps its m best clause scores in a tiny ascending array.
        var best = new Dictionary<int, float[]>();
        foreach (var d in scratch.Candidates)
        {
            var score = scratch.Smoothed[d];
            var group = _groups.GroupOf[d];
            if (!best.TryGetValue(group, out var slots)) best[group] = slots = new float[m];
            if (score <= slots[0]) continue;
            var i = 0;
            while (i + 1 < m && slots[i + 1] < score) { slots[i] = slots[i + 1]; i++; }
            slots[i] = score;
        }
        var evidence = new Dictionary<int, float>(best.Count);
        foreach (var (group, slots) in best)
        {
            float sum = 0;
            var filled = 0;
            foreach (var s in slots)
                if (s > 0) { sum += s; filled++; }
            evidence[group] = filled == 0 ? 0 : sum / filled;
        }
        foreach (var d in scratch.Candidates)
            scratch.Smoothed[d] += _options.GroupWeight * evidence[_groups.GroupOf[d]];
    }

    private IReadOnlyList<SearchHit> TopHits(SearchScratch scratch, int top)
    {
        var heap = new PriorityQueue<int, float>(top + 1);
        foreach (var d in scratch.Candidates)
        {
            var score = scratch.Smoothed[d];
            if (heap.Count < top) heap.Enqueue(d, score);
            else if (heap.TryPeek(out _, out var lowest) && score > lowest) heap.EnqueueDequeue(d, score);
        }
        var hits = new SearchHit[heap.Count];
        for (var i = hits.Length - 1; i >= 0; i--)
        {
            heap.TryDequeue(out var d, out var score);
            hits[i] = new SearchHit(_ids[d], score);
        }
        return hits;
    }
}
