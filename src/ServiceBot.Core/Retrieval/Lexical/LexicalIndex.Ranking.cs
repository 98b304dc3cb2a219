using ServiceBot.Retrieval.Lexical;
using ServiceBot.Retrieval.Ranking;
using ServiceBot.Text;

namespace ServiceBot.Retrieval;

/// <summary>The second stage's features, and the first-stage candidates with their features for training and explaining.</summary>
public sealed partial class LexicalIndex
{
    /// <summary>
    /// The best <paramref name="depth"/> first-stage candidates, best first, each with its first-stage parts and
    /// its <see cref="RankingFeature"/> values: what a ranking model is trained on and what it scores.
    /// </summary>
    public IReadOnlyList<RankingCandidate> RankingCandidates(string query, int depth)
        => depth <= 0 ? [] : Run(query, top: 0, rankingDepth: depth).RankingCandidates;

    private RankingCandidate[] Candidates(string query, AnalyzedQuery analyzed, int depth, SearchScratch scratch, ref QueryContext? context)
    {
        var pool = TopCandidates(scratch, depth);
        var width = RankingFeatures.Count;
        var features = new float[pool.Length * width];
        FillFeatures(pool, context ??= QueryContext.Create(this, query, analyzed, scratch.Lookups), scratch, features);
        var candidates = new RankingCandidate[pool.Length];
        for (var i = 0; i < pool.Length; i++)
        {
            var d = pool[i];
            var detail = scratch.Details[d];
            var words = _options.WordWeight * detail.Words;
            var bigrams = _options.BigramWeight * detail.Bigrams;
            var questions = _options.QuestionWeight * detail.Questions;
            var neighbor = _options.NeighborWeight * BestNeighbour(d, scratch);
            var group = _options.GroupWeight * scratch.GroupEvidence[_groups.GroupOf[d]];
            var parts = new FirstStageParts(words, bigrams, questions, neighbor, group,
                LawBoost(d, scratch) * (words + bigrams + questions + neighbor + group));
            candidates[i] = new RankingCandidate(_ids[d], scratch.Smoothed[d], parts, features.AsSpan(i * width, width).ToArray());
        }
        return candidates;
    }

    private void FillFeatures(int[] pool, QueryContext context, SearchScratch scratch, float[] features)
    {
        if (pool.Length == 0) return;
        var width = RankingFeatures.Count;
        MatchPool(pool, context, scratch);
        var top = MathF.Max(scratch.Smoothed[pool[0]], float.Epsilon);
        float bestWord = float.Epsilon, bestBigram = float.Epsilon;
        foreach (var d in pool)
        {
            var detail = scratch.Details[d];
            bestWord = MathF.Max(bestWord, detail.Words);
            bestBigram = MathF.Max(bestBigram, detail.Bigrams);
            var group = _groups.GroupOf[d];
            if (scratch.PoolGroupCount[group]++ == 0) scratch.PoolGroups.Add(group);
            scratch.GroupMask[group] |= detail.WordMask;
        }
        scratch.PoolGroups.Sort(scratch.PoolGroupOrder);
        for (var g = 0; g < scratch.PoolGroups.Count; g++) scratch.GroupRank[scratch.PoolGroups[g]] = g + 1;

        for (var i = 0; i < pool.Length; i++)
        {
            var d = pool[i];
            var group = _groups.GroupOf[d];
            var detail = scratch.Details[d];
            var row = features.AsSpan(i * width, width);
            row[(int)RankingFeature.WordScore] = detail.Words;
            row[(int)RankingFeature.BigramScore] = detail.Bigrams;
            row[(int)RankingFeature.QuestionScore] = detail.Questions;
            row[(int)RankingFeature.NeighborScore] = BestNeighbour(d, scratch);
            row[(int)RankingFeature.GroupScore] = scratch.GroupEvidence[group];
            row[(int)RankingFeature.FirstStageRelative] = scratch.Smoothed[d] / top;
            row[(int)RankingFeature.FirstStageRank] = i + 1;
            row[(int)RankingFeature.WordScoreRelative] = detail.Words / bestWord;
            row[(int)RankingFeature.BigramScoreRelative] = detail.Bigrams / bestBigram;
            row[(int)RankingFeature.WordCoverage] = context.WordTotal > 0 ? detail.WordsCovered / context.WordTotal : 0;
            row[(int)RankingFeature.BigramCoverage] = context.BigramTotal > 0 ? detail.BigramsCovered / context.BigramTotal : 0;
            row[(int)RankingFeature.TitleCoverage] = TitleCoverage(group, context, scratch);
            row[(int)RankingFeature.ArticleNamed] = context.Article is null ? 0 : 1;
            row[(int)RankingFeature.ArticleMatch] = context.Article is { } article && _groups.Positions[d] == article ? 1 : 0;
            row[(int)RankingFeature.ClauseLength] = _words.Lengths[d];
            row[(int)RankingFeature.QueryLength] = context.TypedWords.Length;
            row[(int)RankingFeature.GroupRank] = scratch.GroupRank[group];
            row[(int)RankingFeature.GroupShare] = (float)scratch.PoolGroupCount[group] / pool.Length;
            row[(int)RankingFeature.MatchedWords] = System.Numerics.BitOperations.PopCount(detail.WordMask);
            row[(int)RankingFeature.UnmatchedMaxIdf] = context.MaxIdfMissing(detail.WordMask);
            row[(int)RankingFeature.NeighborCoverage] = context.WordTotal > 0 ? NeighborCovered(d, scratch) / context.WordTotal : 0;
            row[(int)RankingFeature.GroupCoverage] = context.Coverage(scratch.GroupMask[group]);
            row[(int)RankingFeature.GroupSize] = _groups.Sizes[group];
            row[(int)RankingFeature.ArticlePosition] = _groups.Positions[d];
            row[(int)RankingFeature.RelativePosition] = _groups.Positions[d] >= 0 && _groups.LastPositions[group] > 0
                ? _groups.Positions[d] / _groups.LastPositions[group]
                : -1;
            row[(int)RankingFeature.TitleKind] = _groups.Kinds[group];
        }
    }

    private float NeighborCovered(int d, SearchScratch scratch)
    {
        var previous = _groups.Previous[d] >= 0 ? scratch.Details[_groups.Previous[d]].WordsCovered : 0;
        var next = _groups.Next[d] >= 0 ? scratch.Details[_groups.Next[d]].WordsCovered : 0;
        return MathF.Max(previous, next);
    }

    /// <summary>
    /// A clause's per-field match for the pool and its clauses' neighbours, computed from each query term's postings
    /// rather than kept for every document during the first stage: only the second stage's few candidates need it.
    /// Each term's postings are walked once over the sorted clauses, not searched again for each clause.
    /// </summary>
    private void MatchPool(int[] pool, QueryContext context, SearchScratch scratch)
    {
        var documents = scratch.MatchDocuments;
        documents.Clear();
        foreach (var d in pool)
        {
            AddUnmatched(d);
            AddUnmatched(_groups.Previous[d]);
            AddUnmatched(_groups.Next[d]);
        }
        if (documents.Count == 0) return;
        documents.Sort();
        var sorted = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(documents);
        var unique = 0;
        for (var i = 0; i < sorted.Length; i++)
            if (i == 0 || sorted[i] != sorted[unique - 1]) sorted[unique++] = sorted[i];
        sorted = sorted[..unique];

        var buffers = scratch.MatchBuffers(unique);
        var n = unique;
        Span<float> words = buffers.AsSpan(0, n), bigrams = buffers.AsSpan(n, n), questionWords = buffers.AsSpan(2 * n, n),
            questionBigrams = buffers.AsSpan(3 * n, n), wordsCovered = buffers.AsSpan(4 * n, n), bigramsCovered = buffers.AsSpan(5 * n, n);
        var masks = scratch.MatchMasks(n);
        MatchAll(_words, context.WordTerms, sorted, words, wordsCovered, masks);
        MatchAll(_bigrams, context.BigramTerms, sorted, bigrams, bigramsCovered, null);
        MatchAll(_questionWords, context.QuestionWordTerms, sorted, questionWords, null, null);
        MatchAll(_questionBigrams, context.QuestionBigramTerms, sorted, questionBigrams, null, null);
        for (var i = 0; i < n; i++)
            scratch.Details[sorted[i]] = new FieldDetail(words[i], bigrams[i], questionWords[i] + questionBigrams[i], wordsCovered[i], bigramsCovered[i], masks[i]);

        void AddUnmatched(int d)
        {
            if (d >= 0 && !scratch.Details.ContainsKey(d)) documents.Add(d);
        }
    }

    /// <summary>
    /// BM25 of <paramref name="terms"/> in <paramref name="field"/> for each of <paramref name="documents"/> (ascending),
    /// with the idf share and bits of the typed words each holds.
    /// </summary>
    private void MatchAll(FieldPostings field, TermMatch[] terms, ReadOnlySpan<int> documents, Span<float> scores, Span<float> covered, ulong[]? masks)
    {
        float k1 = _options.K1, b = _options.B, norm = k1 / field.AverageLength;
        scores.Clear();
        covered.Clear();
        if (masks is not null) Array.Clear(masks, 0, documents.Length);
        var lengths = field.Lengths;
        foreach (var term in terms)
        {
            var seeker = field.Seek(term.Postings);
            for (var i = 0; i < documents.Length; i++)
            {
                float tf = seeker.Frequency(documents[i]);
                if (tf == 0) continue;
                scores[i] += term.Weight * tf / (tf + k1 * (1 - b) + norm * b * lengths[documents[i]]);
                if (!term.Typed) continue;
                if (!covered.IsEmpty) covered[i] += term.Idf;
                if (masks is not null) masks[i] |= term.Bit;
            }
        }
    }

    private float TitleCoverage(int group, QueryContext context, SearchScratch scratch)
    {
        if (scratch.TitleCoverage.TryGetValue(group, out var cached)) return cached;
        var title = _groups.Titles[group];
        float covered = 0;
        foreach (var (word, idf) in context.TypedWords)
            if (title.Contains(word, StringComparison.Ordinal)) covered += idf;
        var coverage = context.WordTotal > 0 ? covered / context.WordTotal : 0;
        scratch.TitleCoverage[group] = coverage;
        return coverage;
    }

    /// <summary>A query term found in a field: its postings, BM25 weight (query weight × idf × (k1 + 1)) and, when typed, its bit.</summary>
    private readonly record struct TermMatch(TermPostings Postings, float Weight, float Idf, bool Typed, ulong Bit);

    /// <summary>What the features need to know about the query itself.</summary>
    private sealed class QueryContext
    {
        // Arrays rather than list interfaces: these are walked for every candidate, and an interface's enumerator is an allocation.
        public required (string Word, float Idf)[] TypedWords { get; init; }
        public required float WordTotal { get; init; }
        public required float BigramTotal { get; init; }
        public required float? Article { get; init; }
        public required TermMatch[] WordTerms { get; init; }
        public required TermMatch[] BigramTerms { get; init; }
        public required TermMatch[] QuestionWordTerms { get; init; }
        public required TermMatch[] QuestionBigramTerms { get; init; }

        /// <summary>Idf share of the typed words whose bits are set (bit i = TypedWords[i]).</summary>
        public float Coverage(ulong mask)
        {
            if (WordTotal <= 0) return 0;
            float covered = 0;
            for (var i = 0; i < Math.Min(64, TypedWords.Length); i++)
                if ((mask & (1UL << i)) != 0) covered += TypedWords[i].Idf;
            return covered / WordTotal;
        }

        public float MaxIdfMissing(ulong mask)
        {
            float missing = 0;
            for (var i = 0; i < TypedWords.Length; i++)
                if (i >= 64 || (mask & (1UL << i)) == 0) missing = MathF.Max(missing, TypedWords[i].Idf);
            return missing;
        }

        /// <summary>
        /// The query's second-stage context from the terms' postings the first stage found (<paramref name="lookups"/>);
        /// a field the first stage skipped is looked up here.
        /// </summary>
        public static QueryContext Create(LexicalIndex index, string query, AnalyzedQuery analyzed, TermLookups lookups)
        {
            var wordTerms = index.Terms(index._words, analyzed.Words, lookups.Words);
            var bigramTerms = index.Terms(index._bigrams, analyzed.Bigrams, lookups.Bigrams);
            var typed = new List<(string, float)>();
            float wordTotal = 0, bigramTotal = 0;
            var wordLookups = index.LookUp(index._words, analyzed.Words, lookups.Words);
            var i = 0;
            foreach (var (word, weight) in analyzed.Words)
            {
                var lookup = wordLookups[i++];
                if (weight < 1f) continue; // an expansion, not a word the user typed
                var idf = index.Idf(lookup);
                typed.Add((word, idf));
                wordTotal += idf;
            }
            var bigramLookups = index.LookUp(index._bigrams, analyzed.Bigrams, lookups.Bigrams);
            i = 0;
            foreach (var (_, weight) in analyzed.Bigrams)
            {
                var lookup = bigramLookups[i++];
                if (weight >= 1f) bigramTotal += index.Idf(lookup);
            }
            var article = ArticleNumber.TryParse(TextNormalizer.Normalize(query));
            return new QueryContext
            {
                TypedWords = typed.ToArray(),
                WordTotal = wordTotal,
                BigramTotal = bigramTotal,
                Article = article is { } a ? (float)a : null,
                WordTerms = wordTerms,
                BigramTerms = bigramTerms,
                QuestionWordTerms = index.Terms(index._questionWords, analyzed.Words, lookups.QuestionWords),
                QuestionBigramTerms = index.Terms(index._questionBigrams, analyzed.Bigrams, lookups.QuestionBigrams),
            };
        }
    }

    /// <summary>The first stage's lookups of <paramref name="terms"/> in <paramref name="field"/> when it made them, else fresh ones.</summary>
    private List<TermLookup> LookUp(FieldPostings field, IReadOnlyDictionary<string, float> terms, List<TermLookup> firstStage)
    {
        if (firstStage.Count == terms.Count) return firstStage;
        firstStage.Clear();
        foreach (var term in terms.Keys)
            firstStage.Add(new TermLookup(field.TryFind(term, out var postings), postings));
        return firstStage;
    }

    /// <summary>BM25 idf of a looked-up term, as <see cref="WordIdf"/> gives it (a term no document has gets the highest).</summary>
    private float Idf(TermLookup lookup) => Idf(lookup.Found ? lookup.Postings.DocumentFrequency : 0);

    /// <summary>The query's terms present in <paramref name="field"/>; typed terms are numbered in enumeration order, as <see cref="QueryContext.TypedWords"/>.</summary>
    private TermMatch[] Terms(FieldPostings field, IReadOnlyDictionary<string, float> terms, List<TermLookup> lookups)
    {
        lookups = LookUp(field, terms, lookups);
        var matches = new List<TermMatch>(terms.Count);
        var typedIndex = -1;
        var i = 0;
        foreach (var (_, queryWeight) in terms)
        {
            var lookup = lookups[i++];
            var typed = queryWeight >= 1f;
            if (typed) typedIndex++;
            if (!lookup.Found) continue;
            var idf = Idf(lookup);
            var bit = typed && typedIndex < 64 ? 1UL << typedIndex : 0;
            matches.Add(new TermMatch(lookup.Postings, queryWeight * idf * (_options.K1 + 1), idf, typed, bit));
        }
        return matches.ToArray();
    }
}

/// <summary>The first stage's score of a clause, split by source; the parts add up to the first-stage score.</summary>
/// <param name="LawPrior">What the law prior added (<see cref="Lexical.LexicalIndexOptions.LawPrior"/>); 0 without one.</param>
public sealed record FirstStageParts(float Words, float Bigrams, float Questions, float Neighbor, float Group, float LawPrior = 0);

/// <summary>A first-stage candidate with its <see cref="RankingFeature"/> values (indexed by the enum).</summary>
public sealed record RankingCandidate(string Id, float FirstStageScore, FirstStageParts Parts, float[] Features);

/// <summary>One first-stage pass's hits (<see cref="LexicalIndex.Search"/>) and ranking candidates (<see cref="LexicalIndex.RankingCandidates"/>).</summary>
public sealed record FirstStageResults(IReadOnlyList<SearchHit> Hits, IReadOnlyList<RankingCandidate> RankingCandidates)
{
    public static readonly FirstStageResults Empty = new([], []);
}
