using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using ServiceBot.Answers;
using ServiceBot.Benchmarks.Answers;
using ServiceBot.Benchmarks.Retrieval;
using ServiceBot.Knowledge;
using ServiceBot.Retrieval.Ranking;

namespace ServiceBot.Benchmarks.Ranking;

/// <summary>
/// <c>train-knowledge-ranker</c>: the knowledge base's second stage (<see cref="KnowledgeRanker"/>), trained on the lay-question
/// set. Every answerable item goes through the conversation engine (its history first, the ranker off), and the question
/// the engine hands to the answerer (a follow-up rewritten with its context) gives the composer's candidates with their
/// features; the item's expected clauses are the labels. It reports where the expected clause sits in the first stage
/// (the ceiling), k-fold cross-validation by item (a multi-turn item is one unit), then trains on every item.
/// The neighbour features (<see cref="AnnotatedQuestionIndex"/>) read the set's own questions, so they are computed out of
/// fold: a test item's from the linked questions and the other folds' items; a training item's also without its own fold's,
/// so that training sees them as they are for a question nobody annotated.
/// </summary>
public static class TrainKnowledgeRanker
{
    public const string Usage = """
        usage: train-knowledge-ranker [options]
          --set FILE         the lay-question set (default: tests/datasets/lay-questions/dev.jsonl)
          --folds N          cross-validation folds, split by item (default 5)
          --trees N, --leaves N, --min-leaf N, --learning-rate X, --seed N   as for train-ranker (default 300 trees of 32 leaves)
          --out FILE         where the model trained on every item goes
                             (default: src/ServiceBot.Core/Retrieval/Ranking/Model/knowledge-ranker.json)
          --linked-only      the neighbour features read the clauses' linked questions alone, not the set's questions
          --annotated-out FILE  where every item's question and expected clauses go for the neighbour features
                             (default: src/ServiceBot.Core/Retrieval/Ranking/Model/annotated-questions.jsonl)
          --no-save          cross-validate only
          --by-clause        folds keep the items naming the same first clause together: the neighbour features of a
                             row (in cross-validation and in the final training) never see another question about its
                             clause, as for a clause nobody has asked about yet
          --test-batch NAME  instead of k folds, test on one batch of the set (fresh-8: items written after the rest) with
                             every other item training the ranker and annotating neighbours; fold 1 is that batch (implies --no-save)
        """;

    private static readonly (int From, int To, string Name)[] Buckets =
        [(1, 1, "1"), (2, 2, "2"), (3, 3, "3"), (4, 5, "4–5"), (6, 10, "6–10"), (11, 30, "11–30"), (31, 50, "31–50"), (51, 100, "51–100")];

    private const int CeilingDepth = 100;


    public static int Run(TrainRankerOptions options) => RunAsync(options).GetAwaiter().GetResult();

    private static async Task<int> RunAsync(TrainRankerOptions options)
    {
        var clock = Stopwatch.StartNew();
        var root = RepositoryPaths.FindRoot();
        var set = Path.GetFullPath(options.LaySet ?? LayRankingData.DefaultSet());
        var questions = LayQuestionSet.Load(set).Where(q => q.Answerable).ToList();
        var (items, firstStageRanks, unasked, annotated, linked, added) = await CollectAsync(questions);
        var report = new StringBuilder();
        report.Append(CultureInfo.InvariantCulture,
            $"## Knowledge ranker: {questions.Count} answerable items of {Path.GetRelativePath(root, set)} ({items.Count} reach the answerer; " +
            $"{unasked} open a form or get no knowledge answer and are left out)\n\n");
        var trainer = new RankerTrainer(options, KnowledgeRankingFeatures.Names);
        var batchOf = questions.ToDictionary(q => q.Id, q => q.Batch, StringComparer.Ordinal);
        var folds = options.TestBatch is { } batch
            ? [.. items.Select(i => batchOf[i.Id] == batch ? 0 : 1)]
            : options.FoldsByClause
                ? AssignFoldsByClause(annotated.Select(a => a.Question.ChunkIds.FirstOrDefault() ?? a.Question.Question).ToList(), options.Folds, options.Seed)
                : TrainRanker.AssignFolds(items.Count, options.Folds, options.Seed);
        var neighbours = new OutOfFoldNeighbours(linked, [.. annotated.Select(a => (AnnotatedQuestion?)a.Question)], folds, options.UseAnnotated);
        LabelledQuery WithNeighbours(int i, AnnotatedQuestionIndex index) => OutOfFoldNeighbours.With(items[i], annotated[i].Question.Question, index, added[i]);
        AnnotatedQuestionIndex Without(int a, int b) => neighbours.Without(a, b);
        var tests = Enumerable.Range(0, options.Folds)
            .Select(fold => Enumerable.Range(0, items.Count).Where(i => folds[i] == fold).Select(i => WithNeighbours(i, Without(fold, fold))).ToList()).ToList();
        Ceiling(report, firstStageRanks, [.. tests.SelectMany(t => t)]);
        report.Append(CultureInfo.InvariantCulture,
            $"Neighbour features: {linked.Count} linked questions{(options.UseAnnotated ? " and the set's items outside the fold" : " alone")}.\n\n");
        report.Append(CultureInfo.InvariantCulture,
            $"{options.Folds}-fold cross-validation by item ({options.Trees} trees, {options.Leaves} leaves, ≥{options.MinimumLeafRows} rows a leaf, learning rate {options.LearningRate}); hit@k = an expected clause among the first k candidates:\n\n")
            .Append("| fold | items | search order hit@1 | hit@3 | composer order (coverage) hit@1 | hit@3 | reranked hit@1 | hit@3 |\n|---|---:|---:|---:|---:|---:|---:|---:|\n");
        var pooled = new double[6];
        var foldRows = new List<double[]>();
        for (var fold = 0; fold < options.Folds; fold++)
        {
            var train = Enumerable.Range(0, items.Count).Where(i => folds[i] != fold)
                .Select(i => WithNeighbours(i, Without(fold, folds[i]))).Where(q => q.Relevant.Contains(true)).ToList();
            var test = tests[fold];
            TreeEnsemble model;
            using (new ConsoleProgress($"fold {fold + 1}/{options.Folds}: training on {train.Count} items")) model = trainer.Train(train);
            var figures = Figures(test, model);
            foldRows.Add(figures);
            for (var f = 0; f < figures.Length; f++) pooled[f] += figures[f] * test.Count;
            Row(report, (fold + 1).ToString(CultureInfo.InvariantCulture), test.Count, figures);
        }
        Row(report, "**mean of folds**", items.Count, Enumerable.Range(0, 6).Select(f => foldRows.Average(r => r[f])).ToArray());
        Row(report, "all items pooled", items.Count, pooled.Select(p => p / Math.Max(1, items.Count)).ToArray());
        report.Append(CultureInfo.InvariantCulture, $"\nCollection and cross-validation took {clock.Elapsed.TotalSeconds:F0} s.\n");

        if (options.Save)
        {
            var output = options.Out ?? Path.Combine(root, "src", "ServiceBot.Core", "Retrieval", "Ranking", "Model", "knowledge-ranker.json");
            var all = Enumerable.Range(0, items.Count)
                .Select(i => WithNeighbours(i, Without(folds[i], folds[i]))).Where(q => q.Relevant.Contains(true)).ToList();
            TreeEnsemble final;
            using (new ConsoleProgress($"training on all {all.Count} items")) final = trainer.Train(all);
            final.Save(output);
            report.Append(CultureInfo.InvariantCulture,
                $"\nModel trained on all {all.Count} items with an expected clause among their candidates: `{Path.GetRelativePath(root, output)}` ({final.Trees.Count} trees).\n");
            var annotatedOut = options.AnnotatedOut ?? Path.Combine(root, "src", "ServiceBot.Core", "Retrieval", "Ranking", "Model", "annotated-questions.jsonl");
            var lines = options.UseAnnotated ? annotated.Select(a => a.Line).ToList() : [];
            AnnotatedQuestions.Save(annotatedOut, lines);
            report.Append(CultureInfo.InvariantCulture, $"Annotated questions for the neighbour features: `{Path.GetRelativePath(root, annotatedOut)}` ({lines.Count} lines).\n");
        }
        Console.Write(report.ToString());
        return 0;
    }

    /// <summary>The clauses in a seeded order, each whole to the fold with the fewest items so far.</summary>
    private static int[] AssignFoldsByClause(IReadOnlyList<string> clauseOfItem, int folds, int seed)
    {
        var groups = clauseOfItem.Select((clause, i) => (clause, i)).GroupBy(x => x.clause, StringComparer.Ordinal).ToArray();
        new Random(seed).Shuffle(groups);
        var sizes = new int[folds];
        var fold = new int[clauseOfItem.Count];
        foreach (var group in groups.OrderByDescending(g => g.Count()))
        {
            var target = Array.IndexOf(sizes, sizes.Min());
            foreach (var (_, i) in group) fold[i] = target;
            sizes[target] += group.Count();
        }
        return fold;
    }

    /// <summary>
    /// Each item through the engine with the ranker off; the final turn's question as the answerer received it gives the
    /// composer's candidates (<see cref="ExtractiveAnswerComposer.RankingCandidates"/>) and the search rank of the first
    /// expected clause (0 when it is not in the first <see cref="CeilingDepth"/>).
    /// </summary>
    /// <returns>
    /// Also, beside each item, the question the answerer received with its expected clauses (as chunk ids and as the line
    /// shipped for the neighbour features), the knowledge's linked questions, and the candidates that joined the pool as
    /// clauses named by the nearest annotated questions of the whole set.
    /// </returns>
    private static async Task<(List<LabelledQuery> Items, List<int> FirstStageRanks, int Unasked, List<(AnnotatedQuestion Question, AnnotatedQuestionLine Line)> Annotated,
        List<AnnotatedQuestion> Linked, List<IReadOnlySet<string>> Added)> CollectAsync(IReadOnlyList<LayQuestion> questions)
    {
        string? asked = null;
        var overrides = new Dictionary<string, string?>
        {
            [$"{KnowledgeRankingOptions.SectionName}:{nameof(KnowledgeRankingOptions.UseKnowledgeRanker)}"] = "false",
        };
        await using var harness = await ChatHarness.CreateAsync(LayRankingData.KnowledgeFolders(), overrides, services: services =>
            services.AddSingleton<IKnowledgeAnswerer>(sp => new ObservingAnswerer(
                new ExtractiveKnowledgeAnswerer(sp.GetRequiredService<KnowledgeBaseProvider>(), sp.GetRequiredService<ExtractiveAnswerComposer>()),
                (question, _) => asked = question)));
        var knowledge = await harness.Knowledge.GetAsync();
        var composer = new ExtractiveAnswerComposer(Microsoft.Extensions.Options.Options.Create(new AnswerOptions()), refusalModel: null,
            new KnowledgeRankingOptions { UseKnowledgeRanker = false, UseAnnotatedQuestions = false });
        var asks = new List<(LayQuestion Question, string Asked)>();
        var unasked = 0;
        using (var progress = new ConsoleProgress("running the items through the engine", questions.Count))
            foreach (var question in questions)
            {
                // What the answerer receives on the final turn is the item's question.
                await harness.ConverseAsync("rank-" + question.Id, [.. question.History, question.Query],
                    beforeTurn: turn => asked = turn == question.History.Count ? null : asked);
                progress.Report(asks.Count + unasked + 1);
                if (asked is null) unasked++;
                else asks.Add((question, asked));
            }

        var linked = AnnotatedQuestions.Of(knowledge, []).ToList();
        var annotated = asks.Select(a => (Question: new AnnotatedQuestion(a.Asked, knowledge.Chunks.Where(c => a.Question.Hits([(c.Title, c.Section)])).Select(c => c.Id).ToList()),
            Line: new AnnotatedQuestionLine(a.Asked, [.. a.Question.Expect.Select(e => new CitedClause(e.Source, e.Section))], a.Question.Id))).ToList();
        var everyone = OutOfFoldNeighbours.Everyone(linked.Concat(annotated.Select(a => a.Question)));
        var items = new List<LabelledQuery>();
        var ranks = new List<int>();
        var added = new List<IReadOnlySet<string>>();
        foreach (var (question, text) in asks)
        {
            bool Expected(ServiceBot.Knowledge.Chunking.KnowledgeChunk chunk) => question.Hits([(chunk.Title, chunk.Section)]);
            var searched = knowledge.Search(text, CeilingDepth);
            var firstHit = searched.Select((r, i) => (r, i)).FirstOrDefault(x => Expected(x.r.Chunk), (null!, -1)).Item2;
            ranks.Add(firstHit + 1);
            var (item, neighbourAdded) = OutOfFoldNeighbours.Collect(question.Id, composer, knowledge, text, everyone, Expected);
            items.Add(item);
            added.Add(neighbourAdded);
        }
        return (items, ranks, unasked, annotated, linked, added);
    }

    private static void Ceiling(StringBuilder report, IReadOnlyList<int> ranks, IReadOnlyList<LabelledQuery> items)
    {
        var count = Math.Max(1, ranks.Count);
        report.Append("Where the first expected clause sits in the knowledge base's search for the question the answerer receives:\n\n| rank |")
            .AppendJoin("", Buckets.Select(b => $" {b.Name} |")).Append(" not in 100 |\n|---|").Append(string.Concat(Buckets.Select(_ => "---:|"))).Append("---:|\n| share |");
        foreach (var (from, to, _) in Buckets) report.Append(CultureInfo.InvariantCulture, $" {ranks.Count(r => r >= from && r <= to) / (double)count:F3} |");
        report.Append(CultureInfo.InvariantCulture, $" {ranks.Count(r => r == 0) / (double)count:F3} |\n\n");
        report.Append(CultureInfo.InvariantCulture,
            $"Not in the top 50: {ranks.Count(r => r == 0 || r > 50) / (double)count:F3}; not in the top 100: {ranks.Count(r => r == 0) / (double)count:F3}. " +
            $"The ranker orders the composer's pool (the search's top {new KnowledgeRankingOptions().KnowledgeRerankDepth}, the clauses whose taught questions match, " +
            $"and up to {ExtractiveAnswerComposer.MaxNeighbourClauses} more that the nearest annotated questions outside the item's fold name): " +
            $"an expected clause is in it for {items.Count(i => i.Relevant.Contains(true)) / (double)Math.Max(1, items.Count):F3} of the items, its ceiling.\n\n");
    }

    /// <summary>hit@1 and hit@3 in search order, in the composer's order without the ranker, and reranked.</summary>
    private static double[] Figures(IReadOnlyList<LabelledQuery> test, TreeEnsemble model)
    {
        var rank = KnowledgeRankingFeatures.IndexOf(KnowledgeRankingFeature.RetrievalRank);
        var figures = new double[6];
        foreach (var item in test)
        {
            var positions = Enumerable.Range(0, item.Features.Count).ToList();
            var searchOrder = positions.OrderBy(i => item.Features[i][rank]).ToList();
            var scores = item.Features.Select(f => model.Score(f)).ToArray();
            var reranked = positions.OrderByDescending(i => scores[i]).ThenBy(i => i).ToList();
            IReadOnlyList<int>[] orders = [searchOrder, positions, reranked];
            for (var o = 0; o < orders.Length; o++)
            {
                figures[o * 2] += orders[o].Take(1).Any(i => item.Relevant[i]) ? 1 : 0;
                figures[o * 2 + 1] += orders[o].Take(3).Any(i => item.Relevant[i]) ? 1 : 0;
            }
        }
        return figures.Select(f => f / Math.Max(1, test.Count)).ToArray();
    }

    private static void Row(StringBuilder report, string name, int count, double[] figures)
        => report.Append(CultureInfo.InvariantCulture, $"| {name} | {count} |")
            .AppendJoin("", figures.Select(f => string.Create(CultureInfo.InvariantCulture, $" {f:F3} |"))).Append('\n');
}
