using System.Diagnostics;
using System.Globalization;
using System.Text;
using ServiceBot.Benchmarks.Retrieval;
using ServiceBot.Retrieval;
using ServiceBot.Retrieval.Evaluation;
using ServiceBot.Retrieval.Lexical;
using ServiceBot.Retrieval.Ranking;

namespace ServiceBot.Benchmarks.Ranking;

/// <summary>
/// <c>train-ranker</c>: the second stage's model, trained offline on STARD's dev split. It reports the first
/// stage's recall ceiling at several depths, k-fold cross-validation by query (every fold's figures come from
/// queries its model never saw), then trains on every query and writes the model the runtime ships.
/// </summary>
public static class TrainRanker
{
    private static readonly int[] CeilingDepths = [10, 100, 300, 500, 1000];

    public static int Run(TrainRankerOptions options)
    {
        var clock = Stopwatch.StartNew();
        var report = new StringBuilder();
        var trainer = new RankerTrainer(options);
        if (options.Corpus == TrainRankerOptions.LayCorpus)
        {
            var (labelled, ceilings, title) = LoadLay(options);
            Header(report, title, options, ceilings);
            var folds = AssignFolds(labelled.Count, options.Folds, options.Seed);
            CrossValidate(report, options, trainer, labelled.Count,
                fold => (labelled.Where((_, i) => folds[i] != fold).ToList(), labelled.Where((_, i) => folds[i] == fold).ToList()));
            report.Append(CultureInfo.InvariantCulture, $"\nFeature extraction and cross-validation took {clock.Elapsed.TotalSeconds:F0} s.\n");
            if (options.Save) SaveRanker(report, options, trainer, labelled);
        }
        else
        {
            RunStard(report, options, trainer, clock);
        }
        Console.Write(report.ToString());
        return 0;
    }

    /// <summary>
    /// STARD, with the term translation table learned inside the cross-validation: a fold's test queries are ranked
    /// with the table learned on the other folds, and its training queries with tables cross-fitted among those
    /// folds, so the ranker learns from candidates whose expansion was as unseen as it is at run time.
    /// </summary>
    private static void RunStard(StringBuilder report, TrainRankerOptions options, RankerTrainer trainer, Stopwatch clock)
    {
        var data = StardRankingData.Load(Path.GetFullPath(options.StardDirectory ?? RepositoryPaths.DefaultStardDirectory()));
        var learner = new TermTranslationLearner(options.Translation);
        var count = data.Queries.Count;
        var folds = AssignFolds(count, options.Folds, options.Seed);
        var all = Enumerable.Range(0, count).ToArray();
        TermTranslations? Learn(IEnumerable<int> queries) => options.UseTranslations ? data.Learn(learner, queries) : null;
        LawPrior? LearnPrior(IEnumerable<int> queries) => options.UseLawPrior ? data.LearnLawPrior(queries) : null;
        // The tables a fold's candidates are ranked with, learned on the given queries only, over the statute first stage.
        LexicalIndexOptions RankingWith(int[] learnedOn)
        {
            var ranking = options.DefaultScoring ? new LexicalIndexOptions() : LexicalIndexOptions.StatuteScoring();
            ranking.Translations = Learn(learnedOn);
            ranking.TranslationWeight = options.TranslationWeight;
            ranking.MaxTranslationsPerQuery = options.TranslationsPerQuery;
            ranking.LawPrior = LearnPrior(learnedOn);
            ranking.LawPriorWeight = options.LawPriorWeight;
            ranking.LawPriorExponent = options.LawPriorExponent;
            ranking.LawPriorSmoothing = options.LawPriorSmoothing;
            return ranking;
        }
        List<LabelledQuery> CrossFitted(int[] queries)
        {
            var labelled = new Dictionary<int, LabelledQuery>();
            foreach (var part in queries.Select(i => folds[i]).Distinct())
            {
                var held = queries.Where(i => folds[i] == part).ToArray();
                var ranked = data.Label(held, RankingWith(queries.Where(i => folds[i] != part).ToArray()), options.Depth);
                for (var j = 0; j < held.Length; j++) labelled[held[j]] = ranked[j];
            }
            return queries.Select(i => labelled[i]).ToList();
        }

        if (options.FirstStageGrid is { } grid)
        {
            FirstStageGrid.Run(report, data, folds, options.Folds, grid, (learnedOn, setting) =>
            {
                var ranking = RankingWith(learnedOn);
                setting.ApplyTo(ranking);
                return ranking;
            });
            return;
        }

        var ceilings = new double[CeilingDepths.Length];
        var tests = new List<LabelledQuery>[options.Folds];
        var tableSizes = new int[options.Folds];
        using (var progress = new ConsoleProgress("first stage + features, fold by fold", options.Folds))
        {
            for (var fold = 0; fold < options.Folds; fold++)
            {
                var ranking = RankingWith(all.Where(i => folds[i] != fold).ToArray());
                tableSizes[fold] = ranking.Translations?.Count ?? 0;
                tests[fold] = data.Label(all.Where(i => folds[i] == fold), ranking, options.Depth, CeilingDepths, ceilings);
                progress.Report(fold + 1);
            }
        }
        // Without learned tables a query's candidates do not depend on the fold, so the training folds are the other test folds.
        var learnsTables = options.UseTranslations || options.UseLawPrior;
        List<LabelledQuery> Training(int fold) => learnsTables
            ? CrossFitted(all.Where(i => folds[i] != fold).ToArray())
            : Enumerable.Range(0, options.Folds).Where(f => f != fold).SelectMany(f => tests[f]).ToList();

        var title = $"{count} STARD dev queries";
        if (options.UseTranslations)
            title += $", term translations learned in each fold (weight {options.TranslationWeight}, lift ≥ {options.Translation.MinLift}, " +
                $"strength ≥ {options.Translation.MinStrength}, ≤ {options.Translation.MaxPerWord} a word and {options.TranslationsPerQuery} a query, in ≤ {options.Translation.MaxCorpusShare} of the clauses; {tableSizes.Min()}–{tableSizes.Max()} words translated)";
        if (options.UseLawPrior)
            title += $", law prior learned in each fold (weight {options.LawPriorWeight}, exponent {options.LawPriorExponent}, smoothing {options.LawPriorSmoothing})";
        if (options.DefaultScoring) title += ", the knowledge base's first-stage parameters";
        Header(report, title + " — out-of-fold", options, ceilings.Select(c => c / count).ToList());
        CrossValidate(report, options, trainer, count, fold => (Training(fold), tests[fold]));
        report.Append(CultureInfo.InvariantCulture, $"\nFeature extraction and cross-validation took {clock.Elapsed.TotalSeconds:F0} s.\n");

        if (!options.Save) return;
        SaveRanker(report, options, trainer, learnsTables ? CrossFitted(all) : tests.SelectMany(t => t).ToList());
        if (options.UseTranslations)
        {
            var shipped = Learn(all)!;
            shipped.Save(options.TranslationsOutPath);
            report.Append(CultureInfo.InvariantCulture, $"Term translations learned on all {count} queries: `{options.TranslationsOutPath}` ({shipped.Count} words).\n");
        }
        if (options.UseLawPrior)
        {
            var prior = LearnPrior(all)!;
            prior.Save(options.LawPriorOutPath);
            report.Append(CultureInfo.InvariantCulture, $"Law prior learned on all {count} queries: `{options.LawPriorOutPath}` ({prior.Citations.Count} laws).\n");
        }
    }

    private static void Header(StringBuilder report, string title, TrainRankerOptions options, IReadOnlyList<double> ceilings)
    {
        report.Append(CultureInfo.InvariantCulture, $"## Second-stage ranker: {title}, depth {options.Depth}\n\n");
        report.Append("First-stage recall ceiling (R@K of the candidates the ranker may reorder):\n\n| K |")
            .AppendJoin("", CeilingDepths.Select(k => $" {k} |")).Append("\n|---|").Append(string.Concat(CeilingDepths.Select(_ => "---:|")))
            .Append("\n| R@K |").AppendJoin("", ceilings.Select(c => $" {c:F3} |")).Append("\n\n");
    }

    private static void CrossValidate(StringBuilder report, TrainRankerOptions options, RankerTrainer trainer, int count,
        Func<int, (List<LabelledQuery> Train, List<LabelledQuery> Test)> foldData)
    {
        report.Append(CultureInfo.InvariantCulture,
            $"{options.Folds}-fold cross-validation by query ({options.Trees} trees, {options.Leaves} leaves, ≥{options.MinimumLeafRows} rows a leaf, learning rate {options.LearningRate}):\n\n")
            .Append("| fold | queries | first stage R@10 | R@100 | MRR@10 | reranked R@10 | R@100 | MRR@10 |\n|---|---:|---:|---:|---:|---:|---:|---:|\n");
        var firstAll = new List<QueryMetrics>();
        var rerankedAll = new List<QueryMetrics>();
        var firstFolds = new List<MetricsSummary>();
        var rerankedFolds = new List<MetricsSummary>();
        for (var fold = 0; fold < options.Folds; fold++)
        {
            var (train, test) = foldData(fold);
            var first = test.Select(q => Evaluate(q, FirstStageOrder(q))).ToList();
            firstAll.AddRange(first);
            firstFolds.Add(RetrievalMetrics.Average(first));
            if (options.FirstStageOnly)
            {
                Row(report, (fold + 1).ToString(CultureInfo.InvariantCulture), test.Count, firstFolds[^1], firstFolds[^1]);
                continue;
            }
            TreeEnsemble model;
            using (new ConsoleProgress($"fold {fold + 1}/{options.Folds}: training on {train.Count} queries")) model = trainer.Train(train);
            var reranked = test.Select(q => Evaluate(q, Reranked(q, model))).ToList();
            rerankedAll.AddRange(reranked);
            rerankedFolds.Add(RetrievalMetrics.Average(reranked));
            Row(report, (fold + 1).ToString(CultureInfo.InvariantCulture), test.Count, firstFolds[^1], rerankedFolds[^1]);
        }
        if (options.FirstStageOnly) (rerankedFolds, rerankedAll) = (firstFolds, firstAll);
        Row(report, "**mean of folds**", count, Mean(firstFolds), Mean(rerankedFolds));
        Row(report, "all queries pooled", count, RetrievalMetrics.Average(firstAll), RetrievalMetrics.Average(rerankedAll));
    }

    private static void SaveRanker(StringBuilder report, TrainRankerOptions options, RankerTrainer trainer, IReadOnlyList<LabelledQuery> labelled)
    {
        TreeEnsemble final;
        using (new ConsoleProgress($"training on all {labelled.Count} queries")) final = trainer.Train(labelled);
        final.Save(options.OutPath);
        report.Append(CultureInfo.InvariantCulture, $"\nModel trained on all {labelled.Count} queries: `{options.OutPath}` ({final.Trees.Count} trees).\n");
    }

    private static (IReadOnlyList<LabelledQuery>, IReadOnlyList<double>, string) LoadLay(TrainRankerOptions options)
    {
        var set = Path.GetFullPath(options.LaySet ?? LayRankingData.DefaultSet());
        IReadOnlyList<LabelledQuery> labelled;
        IReadOnlyList<double> ceilings;
        using (new ConsoleProgress("ingesting the knowledge and ranking the lay questions"))
            (labelled, ceilings) = LayRankingData.LoadAsync(set, options.Depth, CeilingDepths).GetAwaiter().GetResult();
        return (labelled, ceilings, $"{labelled.Count} stand-alone answerable questions of {Path.GetFileName(set)} over knowledge/ and the laws");
    }

    private static MetricsSummary Mean(IReadOnlyList<MetricsSummary> folds) => new(
        folds.Sum(f => f.Queries), folds.Average(f => f.RecallAt10), folds.Average(f => f.RecallAt100), folds.Average(f => f.MrrAt10),
        folds.Average(f => f.NdcgAt10), folds.Average(f => f.HitAt10));

    private static void Row(StringBuilder report, string name, int count, MetricsSummary first, MetricsSummary reranked)
        => report.Append(CultureInfo.InvariantCulture,
            $"| {name} | {count} | {first.RecallAt10:F3} | {first.RecallAt100:F3} | {first.MrrAt10:F3} | {reranked.RecallAt10:F3} | {reranked.RecallAt100:F3} | {reranked.MrrAt10:F3} |\n");

    /// <summary>Round-robin over a seeded shuffle: folds of equal size, independent of file order.</summary>
    internal static int[] AssignFolds(int count, int folds, int seed)
    {
        var order = Enumerable.Range(0, count).ToArray();
        new Random(seed).Shuffle(order);
        var fold = new int[count];
        for (var i = 0; i < order.Length; i++) fold[order[i]] = i % folds;
        return fold;
    }

    private static IEnumerable<int> FirstStageOrder(LabelledQuery query) => Enumerable.Range(0, query.CandidateIds.Count);

    private static IEnumerable<int> Reranked(LabelledQuery query, TreeEnsemble model)
    {
        var scores = query.Features.Select(f => model.Score(f)).ToArray();
        return Enumerable.Range(0, scores.Length).OrderByDescending(i => scores[i]).ThenBy(i => i);
    }

    private static QueryMetrics Evaluate(LabelledQuery query, IEnumerable<int> order)
        => RetrievalMetrics.Evaluate(new EvaluationQuery(query.Id, "", query.Judged),
            order.Take(100).Select(i => new SearchHit(query.CandidateIds[i], 0)).ToList());
}
