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

    private readonly LawPriorBoosts? _lawPrior;

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
        _scratch = new ThreadLocal<SearchScratch>(() => new SearchScratch(ids.Length, groups.GroupCount, options.GroupTopClauses));
        _lawPrior = LawPriorBoosts.Create(groups, options);
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

    public IReadOnlyList<SearchHit> Search(string query, int top) => Run(query, top, rankingDepth: 0).Hits;

    /// <summary>
    /// <see cref="Search"/> and <see cref="RankingCandidates"/> of one query from a single first-stage pass, for a caller
    /// that orders the hits again with their features (the knowledge ranker): the same results as the two calls.
    /// </summary>
    public FirstStageResults SearchWithRankingCandidates(string query, int top, int rankingDepth) => Run(query, top, rankingDepth);

    private FirstStageResults Run(string query, int top, int rankingDepth)
    {
        if ((top <= 0 && rankingDepth <= 0) || string.IsNullOrWhiteSpace(query)) return FirstStageResults.Empty;
        var analyzed = AnalyzeQuery(query);
        if (analyzed.IsEmpty) return FirstStageResults.Empty;
        var scratch = _scratch.Value!;
        try
        {
            FirstStage(analyzed, scratch);
            QueryContext? context = null;
            var hits = top > 0 ? Hits(query, analyzed, top, scratch, ref context) : [];
            // The features of a pool depend on the pool (its groups, its best scores): the ranking pool starts afresh.
            scratch.ResetPool();
            var candidates = rankingDepth > 0 ? Candidates(query, analyzed, rankingDepth, scratch, ref context) : [];
            return new FirstStageResults(hits, candidates);
        }
        finally
        {
            scratch.Reset();
            GC.KeepAlive(_file);
        }
    }

    private IReadOnlyList<SearchHit> Hits(string query, AnalyzedQuery analyzed, int top, SearchScratch scratch, ref QueryContext? context)
    {
        var ranker = SecondStage;
        if (ranker is null) return ToHits(TopCandidates(scratch, top), scratch.Smoothed);
        var pool = TopCandidates(scratch, Math.Max(top, _options.RerankDepth));
        var features = scratch.FeatureRows(pool.Length);
        FillFeatures(pool, context ??= QueryContext.Create(this, query, analyzed, scratch.Lookups), scratch, features);
        return Rerank(ranker, pool, features, scratch, top);
    }

    /// <summary>
    /// The second stage, when one is configured and the index holds at least as many clauses as it reorders. The model
    /// learned to pick from the best <see cref="LexicalIndexOptions.RerankDepth"/> of tens of thousands of clauses; in a
    /// corpus of a handful its features (ranks, pool shares, score scales) mean something else, and the first stage's order stands.
    /// </summary>
    private TreeEnsemble? SecondStage => _options.Ranker is { } ranker && Count >= _options.RerankDepth ? ranker : null;

    /// <summary>The analyzer's reading of the query, with the learned term translations added when configured.</summary>
    private AnalyzedQuery AnalyzeQuery(string query)
    {
        var analyzed = _analyzer.AnalyzeQuery(query);
        return _options.Translations is { } translations ? translations.Expand(analyzed, _options.TranslationWeight, _options.MaxTranslationsPerQuery, WordIdf) : analyzed;
    }

    /// <summary>
    /// Runs every field and the structural signals into <paramref name="scratch"/>. Only the combined score is
    /// accumulated here, the hot loop; the second stage's per-field details are computed for its few candidates.
    /// </summary>
    private void FirstStage(AnalyzedQuery analyzed, SearchScratch scratch)
    {
        Accumulate(_words, analyzed.Words, _options.WordWeight, scratch, scratch.Lookups.Words);
        Accumulate(_bigrams, analyzed.Bigrams, _options.BigramWeight, scratch, scratch.Lookups.Bigrams);
        Accumulate(_questionWords, analyzed.Words, _options.QuestionWeight, scratch, scratch.Lookups.QuestionWords);
        Accumulate(_questionBigrams, analyzed.Bigrams, _options.QuestionWeight, scratch, scratch.Lookups.QuestionBigrams);
        if (_twins.Any) FoldTwins(scratch);
        SmoothWithNeighbours(scratch);
        AddGroupEvidence(scratch);
        ApplyLawPrior(analyzed, scratch);
    }

    /// <summary>Lifts the candidates of the laws questions like this one cite, in proportion to what their words earned.</summary>
    private void ApplyLawPrior(AnalyzedQuery analyzed, SearchScratch scratch)
    {
        if (_lawPrior is null) return;
        var boosts = scratch.LawBoost;
        _lawPrior.Fill(analyzed.Words, boosts);
        var smoothed = scratch.Smoothed;
        var groupOf = _groups.GroupOf;
        foreach (var d in scratch.Candidates) smoothed[d] *= 1 + boosts[groupOf[d]];
    }

    /// <summary>The law-prior boost of clause <paramref name="d"/>'s document in the current query (0 without a prior).</summary>
    private float LawBoost(int d, SearchScratch scratch) => _lawPrior is null ? 0 : scratch.LawBoost[_groups.GroupOf[d]];

    /// <param name="lookups">Receives each term's postings (or none) in enumeration order, so the second stage does not look them up again.</param>
    private void Accumulate(FieldPostings field, IReadOnlyDictionary<string, float> terms, float fieldWeight, SearchScratch scratch, List<TermLookup> lookups)
    {
        if (fieldWeight <= 0 || field.TermCount == 0) return;
        float k1 = _options.K1, b = _options.B;
        var raw = scratch.Raw;
        var lengths = field.Lengths;
        foreach (var (term, queryWeight) in terms)
        {
            var found = field.TryFind(term, out var postings);
            lookups.Add(new TermLookup(found, postings));
            if (!found) continue;
            var idf = Idf(postings.DocumentFrequency);
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

    /// <summary>
    /// A query whose terms touch at least this share of the clauses is smoothed in one pass over every clause, in
    /// order, rather than by visiting the touched ones and their neighbours at random: long questions with common
    /// bigrams touch most of the corpus, and those make the latency tail.
    /// </summary>
    private const int DenseSweepDivisor = 8;

    private void SmoothWithNeighbours(SearchScratch scratch)
    {
        var alpha = _options.NeighborWeight;
        if (scratch.Touched.Count >= _ids.Length / DenseSweepDivisor)
        {
            SmoothEveryClause(scratch, alpha);
            return;
        }
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

    /// <summary>
    /// The same candidates and scores as the sparse pass: a clause is a candidate when it or (with neighbour weight)
    /// one of its neighbours was touched, neighbourhood is symmetric, and a twin never is one. Candidates come in
    /// clause order.
    /// </summary>
    private void SmoothEveryClause(SearchScratch scratch, float alpha)
    {
        float[] raw = scratch.Raw, smoothed = scratch.Smoothed;
        ReadOnlySpan<int> previous = _groups.Previous.Span, next = _groups.Next.Span;
        var candidates = scratch.Candidates;
        for (var d = 0; d < raw.Length; d++)
        {
            if (_twins.IsTwin(d)) continue;
            var before = previous[d];
            var after = next[d];
            var neighbour = MathF.Max(before >= 0 ? raw[before] : 0, after >= 0 ? raw[after] : 0);
            if (raw[d] == 0 && (alpha <= 0 || neighbour == 0)) continue;
            candidates.Add(d);
            smoothed[d] = raw[d] + alpha * neighbour;
        }
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
        var m = scratch.GroupTopClauses;
        // Each group keeps its m best clause scores in ascending slots of one shared array.
        float[] best = scratch.GroupBest, smoothed = scratch.Smoothed;
        var groupOf = _groups.GroupOf;
        foreach (var d in scratch.Candidates)
        {
            var score = smoothed[d];
            var group = groupOf[d];
            var slots = best.AsSpan(group * m, m);
            if (score <= slots[0]) continue;
            // A group none of whose clauses enters its slots has evidence 0, as a fresh group does.
            if (!scratch.GroupSeen[group])
            {
                scratch.GroupSeen[group] = true;
                scratch.Groups.Add(group);
            }
            var i = 0;
            while (i + 1 < m && slots[i + 1] < score) { slots[i] = slots[i + 1]; i++; }
            slots[i] = score;
        }
        var evidence = scratch.GroupEvidence;
        foreach (var group in scratch.Groups)
        {
            float sum = 0;
            var filled = 0;
            foreach (var s in best.AsSpan(group * m, m))
                if (s > 0) { sum += s; filled++; }
            evidence[group] = filled == 0 ? 0 : sum / filled;
        }
        var weight = _options.GroupWeight;
        foreach (var d in scratch.Candidates)
            smoothed[d] += weight * evidence[groupOf[d]];
    }

    /// <summary>The best <paramref name="top"/> candidates by first-stage score, best first; equal scores in clause order.</summary>
    private static int[] TopCandidates(SearchScratch scratch, int top)
    {
        var heap = scratch.Heap;
        var smoothed = scratch.Smoothed;
        foreach (var d in scratch.Candidates)
        {
            var candidate = new Candidate(smoothed[d], d);
            if (heap.Count < top) heap.Enqueue(d, candidate);
            else if (heap.TryPeek(out _, out var last) && candidate.RanksAbove(last)) heap.EnqueueDequeue(d, candidate);
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
    private IReadOnlyList<SearchHit> Rerank(TreeEnsemble ranker, int[] pool, float[] features, SearchScratch scratch, int top)
    {
        var width = RankingFeatures.Count;
        scratch.EnsureRerankRows(pool.Length);
        double[] scores = scratch.RerankScores;
        int[] positions = scratch.RerankPositions;
        for (var i = 0; i < pool.Length; i++)
        {
            scores[i] = ranker.Score(features.AsSpan(i * width, width));
            positions[i] = i;
        }
        Array.Sort(positions, 0, pool.Length, scratch.RerankOrder);
        var hits = new SearchHit[Math.Min(top, pool.Length)];
        for (var i = 0; i < hits.Length; i++) hits[i] = Hit(pool[positions[i]], (float)scores[positions[i]]);
        return hits;
    }
}
