using ServiceBot.Benchmarks.Retrieval;
using ServiceBot.Retrieval;
using ServiceBot.Retrieval.Evaluation;
using ServiceBot.Retrieval.Lexical;
using ServiceBot.Retrieval.Ranking;
using ServiceBot.Text;

namespace ServiceBot.Benchmarks.Ranking;

/// <summary>
/// STARD's dev split over the full pool, ready for training: the index, the judged queries, and for each query the
/// words typed and the words of its relevant articles (what <see cref="TermTranslationLearner"/> learns from).
/// Candidates are ranked with whichever translation table a fold learned, so no query is ever ranked with a table
/// that saw its own judgements.
/// </summary>
public sealed class StardRankingData
{
    private readonly LexicalIndex _index;

    private StardRankingData(LexicalIndex index, IReadOnlyList<EvaluationQuery> queries, IReadOnlyList<TranslationExample> examples,
        IReadOnlyList<string[]> citedLaws)
    {
        _index = index;
        Queries = queries;
        Examples = examples;
        CitedLaws = citedLaws;
    }

    public IReadOnlyList<EvaluationQuery> Queries { get; }

    public IReadOnlyList<TranslationExample> Examples { get; }

    /// <summary>For each query, the titles of the laws its relevant articles belong to (what <see cref="LawPrior"/> learns from).</summary>
    public IReadOnlyList<string[]> CitedLaws { get; }

    public static StardRankingData Load(string stardDirectory)
    {
        var documents = StardBenchmark.LoadPool(stardDirectory, includeDistractors: true);
        var queries = QueryFileReader.Read(Path.Combine(stardDirectory, StardBenchmark.DevFile)).Where(RetrievalMetrics.IsJudged).ToList();
        Console.Error.WriteLine($"pool: {documents.Count:N0} documents; {queries.Count} judged dev queries");

        var judged = queries.SelectMany(q => q.Relevant).ToHashSet(StringComparer.Ordinal);
        var judgedTexts = documents.Where(d => judged.Contains(d.Id)).ToDictionary(d => d.Id, d => d.Text, StringComparer.Ordinal);
        var judgedTitles = documents.Where(d => judged.Contains(d.Id)).ToDictionary(d => d.Id, d => d.Title, StringComparer.Ordinal);
        LexicalIndex index;
        using (var progress = new ConsoleProgress("[ServiceBot] building", documents.Count))
            index = StardBenchmark.BuildServiceBot(documents, new LexicalIndexOptions(), progress);
        documents.Clear();

        var analyzer = index.Analyzer;
        var examples = queries.Select(q => new TranslationExample(
            TypedWords(analyzer, q.Query),
            q.Relevant.Where(judgedTexts.ContainsKey).SelectMany(id => analyzer.Words(TextNormalizer.Normalize(judgedTexts[id]))).ToHashSet(StringComparer.Ordinal)))
            .ToList();
        var citedLaws = queries.Select(q => q.Relevant.Where(judgedTitles.ContainsKey).Select(id => judgedTitles[id]).Distinct(StringComparer.Ordinal).ToArray())
            .ToList();
        return new StardRankingData(index, queries, examples, citedLaws);
    }

    /// <summary>The words of the question itself, as the index reads it: expansions (weight below 1) left out.</summary>
    private static string[] TypedWords(ChineseAnalyzer analyzer, string query)
        => analyzer.AnalyzeQuery(query).Words.Where(w => w.Value >= 1f).Select(w => w.Key).ToArray();

    public TermTranslations Learn(TermTranslationLearner learner, IEnumerable<int> queries)
        => learner.Learn(queries.Select(i => Examples[i]).ToList(), _index.WordShare);

    public LawPrior LearnLawPrior(IEnumerable<int> queries)
        => LawPrior.Learn(queries.Select(i => new LawPriorExample(Examples[i].QueryWords, CitedLaws[i])).ToList());

    /// <summary>
    /// The first <paramref name="depth"/> candidates of each query in <paramref name="queries"/>, ranked with
    /// <paramref name="ranking"/> (whose translations and law prior a fold learned), labelled; <paramref name="ceilings"/> (when given)
    /// gains each query's recall at its depths.
    /// </summary>
    public List<LabelledQuery> Label(IEnumerable<int> queries, LexicalIndexOptions ranking, int depth,
        IReadOnlyList<int>? ceilingDepths = null, double[]? ceilings = null)
    {
        var index = _index.WithOptions(ranking);
        var labelled = new List<LabelledQuery>();
        foreach (var i in queries)
        {
            var query = Queries[i];
            var candidates = index.RankingCandidates(query.Query, Math.Max(depth, ceilingDepths?[^1] ?? 0));
            var relevant = query.Relevant.ToHashSet(StringComparer.Ordinal);
            if (ceilingDepths is not null && ceilings is not null)
            {
                var ranked = candidates.Select(c => c.Id).ToList();
                for (var k = 0; k < ceilingDepths.Count; k++) ceilings[k] += RetrievalMetrics.RecallAt(ranked, relevant, ceilingDepths[k]);
            }
            var kept = candidates.Take(depth).ToList();
            labelled.Add(new LabelledQuery(query.Id, kept.Select(c => c.Id).ToList(), kept.Select(c => c.Features).ToList(),
                kept.Select(c => relevant.Contains(c.Id)).ToList(), query.Relevant));
        }
        return labelled;
    }

    /// <summary>Each query's first-stage ranking (no second stage) to <paramref name="depth"/>, ranked with <paramref name="ranking"/>.</summary>
    public List<IReadOnlyList<string>> FirstStage(IEnumerable<int> queries, LexicalIndexOptions ranking, int depth)
    {
        var index = _index.WithOptions(ranking);
        return queries.Select(i => (IReadOnlyList<string>)index.Search(Queries[i].Query, depth).Select(h => h.Id).ToList()).ToList();
    }
}
