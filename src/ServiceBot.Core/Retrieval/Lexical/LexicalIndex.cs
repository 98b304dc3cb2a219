using ServiceBot.Retrieval.Duplicates;
using ServiceBot.Retrieval.Lexical;
using ServiceBot.Retrieval.Ranking;
using ServiceBot.Text;

namespace ServiceBot.Retrieval;

/// <summary>
/// The sparse index. The first stage is BM25 over jieba words, character bigrams and the similar questions
/// linked to a clause, then two structural signals: a clause inherits part of its best neighbour's score, and
/// every clause gains the mean score of its document's best clauses. A second stage, when a ranking model is
/// configured, reorders the best first-stage candidates by <see cref="RankingFeature"/>s. Near-duplicate clauses
/// (<see cref="NearDuplicateGroups"/>) are collapsed: only a group's representative is ranked, with its twins listed.
/// </summary>
public sealed partial class LexicalIndex : IRetriever
{
    private readonly MappedIndexFile _file;
    private readonly DocumentIds _ids;
    private readonly FieldPostings _words;
    private readonly FieldPostings _bigrams;
    private readonly FieldPostings _questionWords;
    private readonly FieldPostings _questionBigrams;
    private readonly DocumentGroups _groups;
    private readonly NearDuplicateGroups _twins;
    private readonly ChineseAnalyzer _analyzer;
    private readonly LexicalIndexOptions _options;
    private readonly ThreadLocal<SearchScratch> _scratch;

    private LexicalIndex(MappedIndexFile file, DocumentIds ids, FieldPostings[] fields, DocumentGroups groups,
        NearDuplicateGroups twins, ChineseAnalyzer analyzer, LexicalIndexOptions options)
    {
        _file = file;
        _twins = twins;
        _ids = ids;
        (_words, _bigrams, _questionWords, _questionBigrams) = (fields[0], fields[1], fields[2], fields[3]);
        _groups = groups;
        _analyzer = analyzer;
        _options = options;
        _scratch = new ThreadLocal<SearchScratch>(() => new SearchScratch(ids.Length));
    }

    public int Count => _ids.Length;

    public LexicalIndexOptions Options => _options;

    /// <summary>The near-duplicate groups found when the index was built.</summary>
    public NearDuplicateGroups NearDuplicates => _twins;

    /// <summary>The id of the clause at <paramref name="position"/> in index order.</summary>
    public string IdAt(int position) => _ids[position];

    public static LexicalIndex Build(IEnumerable<IndexDocument> documents, IProgress<int>? progress = null)
        => Build(documents, new ChineseAnalyzer(), new LexicalIndexOptions(), progress);

    /// <summary>
    /// Builds the index into a scratch file that goes away with the index, and maps it; <paramref name="progress"/>
    /// receives the number of documents analysed so far. <see cref="Save"/> keeps it.
    /// </summary>
    public static LexicalIndex Build(IEnumerable<IndexDocument> documents, ChineseAnalyzer analyzer,
        LexicalIndexOptions options, IProgress<int>? progress = null)
    {
        NearDuplicateDetection.Validate(options.NearDuplicateThreshold);
        var path = Path.Combine(Path.GetTempPath(), $"servicebot-lexical-{Guid.NewGuid():N}.bin");
        new LexicalIndexWriter(analyzer, nearDuplicateThreshold: options.NearDuplicateThreshold).Write(documents, path, progress);
        try
        {
            return Open(MappedIndexFile.OpenTemporary(path), path, options);
        }
        finally
        {
            File.Delete(NearDuplicatesPath(path));
        }
    }

    /// <summary>
    /// Writes the index of <paramref name="documents"/> straight to <paramref name="path"/>, streaming: memory holds
    /// a bounded batch of postings and a few numbers per document, never every document. Returns the document count.
    /// </summary>
    public static int Write(IEnumerable<IndexDocument> documents, ChineseAnalyzer analyzer, string path, IProgress<int>? progress = null,
        double nearDuplicateThreshold = NearDuplicateDetection.DefaultThreshold)
        => new LexicalIndexWriter(analyzer, nearDuplicateThreshold: nearDuplicateThreshold).Write(documents, path, progress);

    /// <summary>The same index ranked with other options (e.g. another or no second-stage model); the file is shared.</summary>
    public LexicalIndex WithOptions(LexicalIndexOptions options)
        => new(_file, _ids, [_words, _bigrams, _questionWords, _questionBigrams], _groups, _twins, _analyzer, options);

    public IReadOnlyList<SearchHit> Search(string query, int top)
    {
        if (top <= 0 || string.IsNullOrWhiteSpace(query)) return [];
        var analyzed = _analyzer.AnalyzeQuery(query);
        if (analyzed.IsEmpty) return [];
        var scratch = _scratch.Value!;
        try
        {
            FirstStage(analyzed, scratch);
            var ranker = _options.Ranker;
            if (ranker is null) return ToHits(TopCandidates(scratch, top), scratch.Smoothed);
            var pool = TopCandidates(scratch, Math.Max(top, _options.RerankDepth));
            var features = scratch.FeatureRows(pool.Length);
            FillFeatures(pool, QueryContext.Create(this, query, analyzed), scratch, features);
            return Rerank(ranker, pool, features, top);
        }
        finally
        {
            scratch.Reset();
            GC.KeepAlive(_file);
        }
    }

    /// <summary>
    /// Runs every field and the structural signals into <paramref name="scratch"/>. Only the combined score is
    /// accumulated here, the hot loop; the second stage's per-field details are computed for its few candidates.
    /// </summary>
    private void FirstStage(AnalyzedQuery analyzed, SearchScratch scratch)
    {
        Accumulate(_words, analyzed.Words, _options.WordWeight, scratch);
        Accumulate(_bigrams, analyzed.Bigrams, _options.BigramWeight, scratch);
        Accumulate(_questionWords, analyzed.Words, _options.QuestionWeight, scratch);
        Accumulate(_questionBigrams, analyzed.Bigrams, _options.QuestionWeight, scratch);
        if (_twins.Any) FoldTwins(scratch);
        SmoothWithNeighbours(scratch);
        AddGroupEvidence(scratch);
    }

    private void Accumulate(FieldPostings field, IReadOnlyDictionary<string, float> terms, float fieldWeight, SearchScratch scratch)
    {
        if (fieldWeight <= 0 || field.TermCount == 0) return;
        float k1 = _options.K1, b = _options.B, n = _ids.Length;
        var raw = scratch.Raw;
        var lengths = field.Lengths;
        foreach (var (term, queryWeight) in terms)
        {
            if (!field.TryFind(term, out var postings)) continue;
            var df = postings.DocumentFrequency;
            var idf = MathF.Log(1 + (n - df + 0.5f) / (df + 0.5f));
            var weight = fieldWeight * queryWeight * idf * (k1 + 1);
            var norm = k1 / field.AverageLength;
            var cursor = field.Read(postings);
            while (cursor.MoveNext())
            {
                var d = cursor.Document;
                float tf = cursor.Frequency;
                if (raw[d] == 0) scratch.Touched.Add(d);
                raw[d] += weight * tf / (tf + k1 * (1 - b) + norm * b * lengths[d]);
            }
        }
    }

    /// <summary>
    /// A twin's match counts for its representative (the better of the two), and only the representative is ranked:
    /// copies of a clause neither crowd the results nor lend their law group or neighbour evidence.
    /// </summary>
    private void FoldTwins(SearchScratch scratch)
    {
        var raw = scratch.Raw;
        var touched = scratch.Touched;
        var count = touched.Count;
        for (var i = 0; i < count; i++)
        {
            var d = touched[i];
            var representative = _twins.RepresentativeOf(d);
            if (representative == d) continue;
            if (raw[representative] == 0) touched.Add(representative);
            raw[representative] = MathF.Max(raw[representative], raw[d]);
        }
    }

    private void SmoothWithNeighbours(SearchScratch scratch)
    {
        var alpha = _options.NeighborWeight;
        foreach (var d in scratch.Touched)
        {
            // Neighbour links join representatives only (DocumentGroups.Build), so a twin is never a candidate.
            if (_twins.IsTwin(d)) continue;
            MarkCandidate(scratch, d);
            if (alpha <= 0) continue;
            if (_groups.Previous[d] >= 0) MarkCandidate(scratch, _groups.Previous[d]);
            if (_groups.Next[d] >= 0) MarkCandidate(scratch, _groups.Next[d]);
        }
        foreach (var d in scratch.Candidates)
            scratch.Smoothed[d] = scratch.Raw[d] + alpha * BestNeighbour(d, scratch);
    }

    /// <summary>The better neighbouring clause's combined field score.</summary>
    private float BestNeighbour(int d, SearchScratch scratch)
    {
        float previous = _groups.Previous[d] >= 0 ? scratch.Raw[_groups.Previous[d]] : 0;
        float next = _groups.Next[d] >= 0 ? scratch.Raw[_groups.Next[d]] : 0;
        return MathF.Max(previous, next);
    }

    private static void MarkCandidate(SearchScratch scratch, int d)
    {
        if (scratch.IsCandidate[d]) return;
        scratch.IsCandidate[d] = true;
        scratch.Candidates.Add(d);
    }

    private void AddGroupEvidence(SearchScratch scratch)
    {
        var m = _options.GroupTopClauses;
        // Each group keeps its m best clause scores in a tiny ascending array.
        var best = scratch.GroupBest;
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
        var evidence = scratch.GroupEvidence;
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

    /// <summary>The best <paramref name="top"/> candidates by first-stage score, best first.</summary>
    private static int[] TopCandidates(SearchScratch scratch, int top)
    {
        var heap = new PriorityQueue<int, float>(top + 1);
        foreach (var d in scratch.Candidates)
        {
            var score = scratch.Smoothed[d];
            if (heap.Count < top) heap.Enqueue(d, score);
            else if (heap.TryPeek(out _, out var lowest) && score > lowest) heap.EnqueueDequeue(d, score);
        }
        var order = new int[heap.Count];
        for (var i = order.Length - 1; i >= 0; i--) order[i] = heap.Dequeue();
        return order;
    }

    private SearchHit[] ToHits(int[] order, float[] scores)
    {
        var hits = new SearchHit[order.Length];
        for (var i = 0; i < order.Length; i++) hits[i] = Hit(order[i], scores[order[i]]);
        return hits;
    }

    private SearchHit Hit(int d, float score)
    {
        var twins = _twins.TwinsOf(d);
        if (twins.Count == 0) return new SearchHit(_ids[d], score);
        var twinIds = new string[twins.Count];
        for (var i = 0; i < twinIds.Length; i++) twinIds[i] = _ids[twins[i]];
        return new SearchHit(_ids[d], score) { Twins = twinIds };
    }

    /// <summary>Orders the pool by the model's score; ties keep the first-stage order.</summary>
    private IReadOnlyList<SearchHit> Rerank(TreeEnsemble ranker, int[] pool, float[] features, int top)
    {
        var width = RankingFeatures.Count;
        var scores = new double[pool.Length];
        var positions = new int[pool.Length];
        for (var i = 0; i < pool.Length; i++)
        {
            scores[i] = ranker.Score(features.AsSpan(i * width, width));
            positions[i] = i;
        }
        Array.Sort(positions, (x, y) => scores[y].CompareTo(scores[x]) is var c && c != 0 ? c : x.CompareTo(y));
        var hits = new SearchHit[Math.Min(top, pool.Length)];
        for (var i = 0; i < hits.Length; i++) hits[i] = Hit(pool[positions[i]], (float)scores[positions[i]]);
        return hits;
    }
}
