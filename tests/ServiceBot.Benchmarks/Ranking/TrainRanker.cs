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
        var (labelled, ceilings, title) = options.Corpus == TrainRankerOptions.LayCorpus
            ? LoadLay(options)
            : LoadStard(options);
        var report = new StringBuilder();
        report.Append(CultureInfo.InvariantCulture, $"## Second-stage ranker: {title}, depth {options.Depth}\n\n");
        report.Append("First-stage recall ceiling (R@K of the candidates the ranker may reorder):\n\n| K |")
            .AppendJoin("", CeilingDepths.Select(k => $" {k} |")).Append("\n|---|").Append(string.Concat(CeilingDepths.Select(_ => "---:|")))
            .Append("\n| R@K |").AppendJoin("", ceilings.Select(c => $" {c:F3} |")).Append("\n\n");

        var trainer = new RankerTrainer(options);
        var folds = AssignFolds(labelled.Count, options.Folds, options.Seed);
        report.Append(CultureInfo.InvariantCulture,
            $"{options.Folds}-fold cross-validation by query ({options.Trees} trees, {options.Leaves} leaves, ≥{options.MinimumLeafRows} rows a leaf, learning rate {options.LearningRate}):\n\n")
            .Append("| fold | queries | first stage R@10 | R@100 | MRR@10 | reranked R@10 | R@100 | MRR@10 |\n|---|---:|---:|---:|---:|---:|---:|---:|\n");
        var firstAll = new List<QueryMetrics>();
        var rerankedAll = new List<QueryMetrics>();
        var firstFolds = new List<MetricsSummary>();
        var rerankedFolds = new List<MetricsSummary>();
        for (var fold = 0; fold < options.Folds; fold++)
        {
            var train = labelled.Where((_, i) => folds[i] != fold).ToList();
            var test = labelled.Where((_, i) => folds[i] == fold).ToList();
            TreeEnsemble model;
            using (new ConsoleProgress($"fold {fold + 1}/{options.Folds}: training on {train.Count} queries")) model = trainer.Train(train);
            var first = test.Select(q => Evaluate(q, FirstStageOrder(q))).ToList();
            var reranked = test.Select(q => Evaluate(q, Reranked(q, model))).ToList();
            firstAll.AddRange(first);
            rerankedAll.AddRange(reranked);
            firstFolds.Add(RetrievalMetrics.Average(first));
            rerankedFolds.Add(RetrievalMetrics.Average(reranked));
            Row(report, (fold + 1).ToString(CultureInfo.InvariantCulture), test.Count, firstFolds[^1], rerankedFolds[^1]);
        }
        Row(report, "**mean of folds**", labelled.Count, Mean(firstFolds), Mean(rerankedFolds));
        Row(report, "all queries pooled", labelled.Count, RetrievalMetrics.Average(firstAll), RetrievalMetrics.Average(rerankedAll));
        report.Append(CultureInfo.InvariantCulture, $"\nFeature extraction and cross-validation took {clock.Elapsed.TotalSeconds:F0} s.\n");

        if (options.Save)
        {
            TreeEnsemble final;
            using (new ConsoleProgress($"training on all {labelled.Count} queries")) final = trainer.Train(labelled);
            final.Save(options.OutPath);
            report.Append(CultureInfo.InvariantCulture, $"\nModel trained on all {labelled.Count} queries: `{options.OutPath}` ({final.Trees.Count} trees).\n");
        }
        Console.Write(report.ToString());
        return 0;
    }

    private static (IReadOnlyList<LabelledQuery>, IReadOnlyList<double>, string) LoadStard(TrainRankerOptions options)
    {
        var stard = Path.GetFullPath(options.StardDirectory ?? RepositoryPaths.DefaultStardDirectory());
        var documents = StardBenchmark.LoadPool(stard, includeDistractors: true);
        var queries = QueryFileReader.Read(Path.Combine(stard, StardBenchmark.DevFile)).Where(RetrievalMetrics.IsJudged).ToList();
        Console.Error.WriteLine($"pool: {documents.Count:N0} documents; {queries.Count} judged dev queries");

        LexicalIndex index;
        using (var progress = new ConsoleProgress("[ServiceBot] building", documents.Count))
            index = StardBenchmark.BuildServiceBot(documents, new LexicalIndexOptions(), progress);
        documents.Clear();

        var ceilingDepth = Math.Max(options.Depth, CeilingDepths[^1]);
        var labelled = new List<LabelledQuery>(queries.Count);
        var ceilings = new double[CeilingDepths.Length];
        using (var progress = new ConsoleProgress("first stage + features", queries.Count))
        {
            foreach (var query in queries)
            {
                var candidates = index.RankingCandidates(query.Query, ceilingDepth);
                var relevant = query.Relevant.ToHashSet(StringComparer.Ordinal);
                var ranked = candidates.Select(c => c.Id).ToList();
                for (var k = 0; k < CeilingDepths.Length; k++) ceilings[k] += RetrievalMetrics.RecallAt(ranked, relevant, CeilingDepths[k]);
                var kept = candidates.Take(options.Depth).ToList();
                labelled.Add(new LabelledQuery(query.Id, kept.Select(c => c.Id).ToList(), kept.Select(c => c.Features).ToList(),
                    kept.Select(c => relevant.Contains(c.Id)).ToList(), query.Relevant));
                progress.Report(labelled.Count);
            }
        }
        return (labelled, ceilings.Select(c => c / queries.Count).ToList(), $"{queries.Count} STARD dev queries");
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
    private static int[] AssignFolds(int count, int folds, int seed)
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
