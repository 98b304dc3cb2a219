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
    {
        if (depth <= 0 || string.IsNullOrWhiteSpace(query)) return [];
        var analyzed = _analyzer.AnalyzeQuery(query);
        if (analyzed.IsEmpty) return [];
        var scratch = _scratch.Value!;
        try
        {
            var context = FirstStage(query, analyzed, scratch);
            var pool = TopCandidates(scratch, depth);
            var width = RankingFeatures.Count;
            var features = new float[pool.Length * width];
            FillFeatures(pool, context, scratch, features);
            var candidates = new RankingCandidate[pool.Length];
            for (var i = 0; i < pool.Length; i++)
            {
                var d = pool[i];
                var parts = new FirstStageParts(
                    _options.WordWeight * scratch.Words[d],
                    _options.BigramWeight * scratch.Bigrams[d],
                    _options.QuestionWeight * scratch.Questions[d],
                    _options.NeighborWeight * scratch.Neighbor[d],
                    _options.GroupWeight * scratch.Group[d]);
                candidates[i] = new RankingCandidate(_ids[d], scratch.Smoothed[d], parts, features.AsSpan(i * width, width).ToArray());
            }
            return candidates;
        }
        finally
        {
            scratch.Reset();
        }
    }

    private void FillFeatures(int[] pool, QueryContext context, SearchScratch scratch, float[] features)
    {
        if (pool.Length == 0) return;
        var width = RankingFeatures.Count;
        var top = MathF.Max(scratch.Smoothed[pool[0]], float.Epsilon);
        float bestWord = float.Epsilon, bestBigram = float.Epsilon;
        foreach (var d in pool)
        {
            bestWord = MathF.Max(bestWord, scratch.Words[d]);
            bestBigram = MathF.Max(bestBigram, scratch.Bigrams[d]);
            var group = _groups.GroupOf[d];
            scratch.PoolGroupCount[group] = scratch.PoolGroupCount.GetValueOrDefault(group) + 1;
            scratch.GroupMask[group] = scratch.GroupMask.GetValueOrDefault(group) | scratch.WordMask[d];
        }
        var rank = 1;
        foreach (var group in scratch.PoolGroupCount.Keys.OrderByDescending(g => scratch.GroupEvidence.GetValueOrDefault(g)).ThenBy(g => g))
            scratch.GroupRank[group] = rank++;

        for (var i = 0; i < pool.Length; i++)
        {
            var d = pool[i];
            var group = _groups.GroupOf[d];
            var row = features.AsSpan(i * width, width);
            row[(int)RankingFeature.WordScore] = scratch.Words[d];
            row[(int)RankingFeature.BigramScore] = scratch.Bigrams[d];
            row[(int)RankingFeature.QuestionScore] = scratch.Questions[d];
            row[(int)RankingFeature.NeighborScore] = scratch.Neighbor[d];
            row[(int)RankingFeature.GroupScore] = scratch.Group[d];
            row[(int)RankingFeature.FirstStageRelative] = scratch.Smoothed[d] / top;
            row[(int)RankingFeature.FirstStageRank] = i + 1;
            row[(int)RankingFeature.WordScoreRelative] = scratch.Words[d] / bestWord;
            row[(int)RankingFeature.BigramScoreRelative] = scratch.Bigrams[d] / bestBigram;
            row[(int)RankingFeature.WordCoverage] = context.WordTotal > 0 ? scratch.WordsCovered[d] / context.WordTotal : 0;
            row[(int)RankingFeature.BigramCoverage] = context.BigramTotal > 0 ? scratch.BigramsCovered[d] / context.BigramTotal : 0;
            row[(int)RankingFeature.TitleCoverage] = TitleCoverage(group, context, scratch);
            row[(int)RankingFeature.ArticleNamed] = context.Article is null ? 0 : 1;
            row[(int)RankingFeature.ArticleMatch] = context.Article is { } article && _groups.Positions[d] == article ? 1 : 0;
            row[(int)RankingFeature.ClauseLength] = _words.Lengths[d];
            row[(int)RankingFeature.QueryLength] = context.TypedWords.Count;
            row[(int)RankingFeature.GroupRank] = scratch.GroupRank[group];
            row[(int)RankingFeature.GroupShare] = (float)scratch.PoolGroupCount[group] / pool.Length;
            row[(int)RankingFeature.MatchedWords] = System.Numerics.BitOperations.PopCount(scratch.WordMask[d]);
            row[(int)RankingFeature.UnmatchedMaxIdf] = context.MaxIdfMissing(scratch.WordMask[d]);
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
        var previous = _groups.Previous[d] >= 0 ? scratch.WordsCovered[_groups.Previous[d]] : 0;
        var next = _groups.Next[d] >= 0 ? scratch.WordsCovered[_groups.Next[d]] : 0;
        return MathF.Max(previous, next);
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

    /// <summary>What the features need to know about the query itself.</summary>
    private sealed record QueryContext(IReadOnlyList<(string Word, float Idf)> TypedWords, float WordTotal, float BigramTotal, float? Article)
    {
        /// <summary>Idf share of the typed words whose bits are set (bit i = TypedWords[i]).</summary>
        public float Coverage(ulong mask)
        {
            if (WordTotal <= 0) return 0;
            float covered = 0;
            for (var i = 0; i < Math.Min(64, TypedWords.Count); i++)
                if ((mask & (1UL << i)) != 0) covered += TypedWords[i].Idf;
            return covered / WordTotal;
        }

        public float MaxIdfMissing(ulong mask)
        {
            float missing = 0;
            for (var i = 0; i < TypedWords.Count; i++)
                if (i >= 64 || (mask & (1UL << i)) == 0) missing = MathF.Max(missing, TypedWords[i].Idf);
            return missing;
        }

        public static QueryContext Create(LexicalIndex index, string query, AnalyzedQuery analyzed)
        {
            var typed = new List<(string, float)>();
            float wordTotal = 0, bigramTotal = 0;
            foreach (var (word, weight) in analyzed.Words)
            {
                if (weight < 1f) continue; // an expansion, not a word the user typed
                var idf = index.WordIdf(word);
                typed.Add((word, idf));
                wordTotal += idf;
            }
            foreach (var (bigram, weight) in analyzed.Bigrams)
                if (weight >= 1f) bigramTotal += index.BigramIdf(bigram);
            var article = ArticleNumber.TryParse(TextNormalizer.Normalize(query));
            return new QueryContext(typed, wordTotal, bigramTotal, article is { } a ? (float)a : null);
        }
    }
}

/// <summary>The first stage's score of a clause, split by source; the parts add up to the first-stage score.</summary>
public sealed record FirstStageParts(float Words, float Bigrams, float Questions, float Neighbor, float Group);

/// <summary>A first-stage candidate with its <see cref="RankingFeature"/> values (indexed by the enum).</summary>
public sealed record RankingCandidate(string Id, float FirstStageScore, FirstStageParts Parts, float[] Features);
