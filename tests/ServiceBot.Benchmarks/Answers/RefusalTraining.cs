using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ServiceBot.Answers;
using ServiceBot.Answers.Refusal;
using Microsoft.Extensions.Options;
using ServiceBot.Benchmarks.Ranking;
using ServiceBot.Benchmarks.Retrieval;
using ServiceBot.Conversation;
using ServiceBot.Knowledge;
using ServiceBot.Localization;
using ServiceBot.Retrieval.Ranking;
using ServiceBot.Server.Chat;

namespace ServiceBot.Benchmarks.Answers;

/// <summary>
/// <c>train-refusal</c>: fits the refusal model (<see cref="RefusalModel"/>) on a lay-question set. Every item goes through
/// the conversation engine with a model that answers whatever the hard rule lets through, so each such question is kept
/// with its <see cref="GroundingFeatures"/>, the coverage thresholds' verdict and whether the answer would hit. A logistic
/// regression over them and the question's <see cref="DomainScore"/> is cross-validated by item (k folds). Learned
/// features are nested: the domain score of a fold is fitted on every question outside the fold (the regression's own
/// training rows read scores from an inner split), and the knowledge ranker's features come from a ranker trained on the
/// other folds' answerable items, so no row is scored by a table or a ranker that saw it. The out-of-fold probabilities
/// give the curve of answerable questions refused against must-refuse questions refused. For comparison the same folds
/// fit the former design, a veto over the answers the thresholds give (at its own operating point, the most refused for at
/// most <see cref="MaxHitLoss"/> of hit@3). The stored threshold is the one whose larger out-of-fold shortfall from the two acceptance bars,
/// hit@3 and must-refuse refused, is least (<see cref="Choose"/>), on every item but those of coverage slices
/// (<see cref="LayQuestion.IsCoverage"/>); English questions get their own.
/// With <c>--both-deployments</c> the regression also learns from the knowledge/-only deployment (the service's default):
/// the same items run again without the laws, a question only a law answers relabelled must-refuse. An item keeps one fold
/// in both, and such a sample reads its with-laws twin's domain score, so the text-only domain score is fitted on with-laws
/// labels alone (a relabelled law question must not make labour words out of domain); the knowledge/-only rows carry
/// <c>--alone-share</c> of the regression's loss; the threshold is still chosen on the with-laws samples, and the out-of-fold
/// figures of each deployment are printed for the model trained on one and on both.
/// </summary>
public static class RefusalTraining
{
    private const int Top = 3;

    /// <summary>Answerable hit@3 the model may cost on the cross-validation curve: hit@3 is the bar it must not lower.</summary>
    private const double MaxHitLoss = 0.01;

    /// <summary>Coverage and margins may only argue for answering; what the clause lacks only against it.</summary>
    private static readonly IReadOnlyDictionary<string, int> Signs = new Dictionary<string, int>
    {
        ["coverage"] = 1, ["text_coverage"] = 1, ["taught_match"] = 1, ["content_coverage"] = 1, ["domain_coverage"] = 1, ["margin"] = 1,
        ["foreign_share"] = -1, ["uncovered_peak"] = -1, ["figure_unstated"] = -1,
        ["uncovered_word"] = -1, ["uncovered_rare"] = -1, ["covered_word"] = 1, ["uncovered_domain"] = -1,
        ["thresholds_pass"] = 1, ["ranker_confidence"] = 1, ["ranker_margin"] = 1, ["ranker_coverage"] = 1, ["question_match"] = 1,
        ["named_unstated"] = -1, ["aspect_unstated"] = -1, ["asks_judgement"] = -1, ["neighbour_similarity"] = 1,
        ["figure_kind_unstated"] = -1, ["payer_unstated"] = -1, ["personal_record"] = -1,
        ["asked_part_coverage"] = 1, ["asked_part_uncovered"] = -1, ["subject_uncovered"] = -1,
    };

    private static readonly int ThresholdsPassIndex = Index("thresholds_pass");

    private static int Index(string feature) => GroundingFeatures.Names.ToList().IndexOf(feature);

    /// <summary>The L2 penalty of the regression unless <c>--l2</c> says otherwise: out of fold, 0.0001 refused 0.042 of answerable questions where 0.01 refused 0.061, at the same must-refuse refused.</summary>
    private const double DefaultL2 = 0.0001;

    /// <summary>
    /// The share of the regression's loss the knowledge/-only rows carry unless <c>--alone-share</c> says otherwise. A relabelled
    /// law question is worded like an answerable one, so those rows pull the domain score's weight down; out of fold (must-refuse
    /// refused, with laws / knowledge/ alone; one deployment 0.909 / 0.656) shares 0.10, 0.15, 0.20, 0.33 and 0.50 gave
    /// 0.913 / 0.694, 0.913 / 0.710, 0.904 / 0.715, 0.898 / 0.730 and 0.896 / 0.743 (rows unweighted: 0.881 / 0.763):
    /// 0.15 is the largest of them that costs the with-laws deployment nothing.
    /// </summary>
    private const double DefaultAloneShare = 0.15;

    /// <summary>The domain score's weight may only argue for answering questions worded like answerable ones.</summary>
    private const int DomainSign = 1;

    /// <summary>
    /// One item's reply when everything past the hard rule is answered: <see cref="Refused"/> when the hard rule refused,
    /// <see cref="Features"/> set when the answer was decided on a clause, <see cref="Hit"/> whether that answer would hit.
    /// </summary>
    private sealed record Sample(LayQuestion Question, bool Hit, bool Refused, double[]? Features)
    {
        /// <summary>The coverage thresholds let the clause answer: the former rule, which the veto design starts from.</summary>
        public bool ThresholdsPass => Features is null || Features[ThresholdsPassIndex] > 0.5;

        /// <summary>The veto design's out-of-fold probability (rows the thresholds answer only).</summary>
        public double VetoProbability { get; set; } = 1;

        /// <summary>The composer's ranking candidates for the question the answerer received, for the nested ranker.</summary>
        public LabelledQuery? Ranking { get; set; }

        /// <summary>The candidates of <see cref="Ranking"/> that only the nearest annotated questions added to the pool.</summary>
        public IReadOnlySet<string>? NeighbourAdded { get; set; }

        /// <summary>The question as the engine handed it to the answerer, and the clause it led with.</summary>
        public string? Asked { get; init; }

        public Citation? Lead { get; init; }

        /// <summary>An answerable question as the answerer received it with its expected clauses: a neighbour for the other folds' rankers.</summary>
        public AnnotatedQuestion? Annotated { get; set; }

        /// <summary>The question's wording, as the domain score reads it: as handed to the answerer, else as typed.</summary>
        public string Text => Asked ?? Question.Query;

        /// <summary>Read in English, as the composer reads it: decided by the coverage thresholds, not the model.</summary>
        public bool IsEnglish { get; } = KnowledgeLanguage.OfQuestion(Question.Query) == BotLanguages.English;

        /// <summary>For a knowledge/-only sample, the same item's with-laws sample: its fold and domain score are this one's.</summary>
        public Sample? Twin { get; set; }

        /// <summary>The sample whose text and label the domain score reads: the with-laws one.</summary>
        public Sample DomainSource => Twin ?? this;

        public double Probability { get; set; } = 1;

        public int Fold { get; set; } = -1;

        // The clause-text override (RefusalModel.ClauseStatesIt) is for documents the model was not trained with; every
        // clause here is of one it is trained with, so the model alone decides.
        public bool AnsweredAt(double threshold) => !Refused && (Features is null || Probability >= threshold);

        /// <summary>The former design: the thresholds answer, and a model may veto.</summary>
        public bool VetoAnsweredAt(double threshold)
            => !Refused && (Features is null || ThresholdsPass && VetoProbability >= threshold);
    }

    public static async Task<int> RunAsync(string[] args)
    {
        var root = RepositoryPaths.FindRoot();
        var shared = Path.GetFullPath(Path.Combine(root, "..", "shared"));
        var knowledge = new[] { Path.Combine(root, "knowledge"), Path.Combine(shared, "knowledge-corpus", "laws") };
        var folds = int.TryParse(Option(args, "--folds"), CultureInfo.InvariantCulture, out var k) ? k : 5;
        var l2 = double.TryParse(Option(args, "--l2"), CultureInfo.InvariantCulture, out var penalty) && penalty >= 0 ? penalty : DefaultL2;
        var aloneShare = double.TryParse(Option(args, "--alone-share"), CultureInfo.InvariantCulture, out var share) && share is > 0 and < 1 ? share : DefaultAloneShare;
        var output = Option(args, "--out") ?? Path.Combine(root, "src", "ServiceBot.Core", "Answers", "Refusal", "Model", "refusal-model.json");
        var files = args.TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
        var path = files.Count > 0 ? Path.GetFullPath(files[0]) : Path.Combine(root, "tests", "datasets", "lay-questions", "dev.jsonl");
        if (!File.Exists(path) || knowledge.Any(f => !Directory.Exists(f)) || folds < 2)
        {
            Console.Error.WriteLine($"error: {path} or a knowledge folder ({string.Join(", ", knowledge)}) not found, or --folds below 2");
            return 2;
        }
        // --without a,b: an ablation; the names are checked before the long collection.
        var without = (Option(args, "--without") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (without.FirstOrDefault(name => Index(name) < 0) is { } unknown)
        {
            Console.Error.WriteLine($"error: --without names \"{unknown}\", which is not one of [{string.Join(", ", GroundingFeatures.Names)}]");
            return 2;
        }
        var bothDeployments = args.Contains("--both-deployments");
        var questions = LayQuestionSet.Load(path);
        var (samples, knowledgeBase) = await CollectAsync(questions, knowledge);
        if (Option(args, "--dump") is { } dump) await DumpAsync(samples, knowledgeBase, dump);
        var scored = samples.Where(s => s.Features is not null).ToList();
        // The knowledge/-only deployment's samples (none unless --both-deployments): the regression's extra rows.
        List<Sample> alone = [];
        KnowledgeBase? aloneKnowledge = null;
        if (bothDeployments) (alone, aloneKnowledge) = await CollectAsync(questions, knowledge[..1], absentAnswersMustRefuse: true);
        List<Sample> rows = [.. scored, .. alone.Where(s => s.Features is not null)];
        var signs = GroundingFeatures.Names.Select(n => Signs.GetValueOrDefault(n)).Append(DomainSign).ToList();
        // --trees N: the curve with trees on the regression's residuals (see Regression); the model written is the regression's.
        var trees = int.TryParse(Option(args, "--trees"), CultureInfo.InvariantCulture, out var count) ? count : 0;
        var regression = new Regression(signs, l2, aloneShare, trees > 0 ? new MonotoneBoosting(signs, trees, Depth: 2) : null);

        // Folds by item over every question: each item's probability comes from a model, a domain score and a ranker that never saw it.
        // By batch, every slice is held out whole: its authors' wording is then as unseen as a new user's.
        if (args.Contains("--by-batch")) AssignFoldsByBatch(samples, folds);
        else AssignFolds(samples, folds, seed: 20261130);
        // An item keeps its fold in both deployments, so no fold's model has seen it in either.
        var twins = samples.ToDictionary(s => s.Question.Id);
        foreach (var sample in alone) (sample.Twin, sample.Fold) = (twins[sample.Question.Id], twins[sample.Question.Id].Fold);
        NestRankerFeatures(samples, folds, [.. AnnotatedQuestions.Of(knowledgeBase, [])]);
        // Each deployment's ranker and neighbours read its own knowledge base, as the engine serving it would.
        if (aloneKnowledge is not null) NestRankerFeatures(alone, folds, [.. AnnotatedQuestions.Of(aloneKnowledge, [])]);
        // --without: the named features held at 0 once the nested ones are computed, so the fit and its curve show what they add.
        foreach (var sample in rows)
            foreach (var name in without) sample.Features![Index(name)] = 0;

        var thresholds = Enumerable.Range(0, 91).Select(i => i / 100.0).ToList();
        // Before: the model trained on the with-laws deployment alone, scored out of fold on both.
        var oneDeployment = bothDeployments ? DeploymentFigures.Of(samples, alone, CrossValidate(samples, scored, rows, folds, regression, thresholds).Chosen) : null;
        var (foldAuc, vetoAuc, chosen, vetoChosen, englishChosen) = CrossValidate(samples, rows, rows, folds, regression, thresholds);
        Print(path, root, samples, scored, folds, foldAuc, vetoAuc, thresholds, chosen, vetoChosen);
        if (Option(args, "--oof") is { } oofPath) await WriteOutOfFoldAsync(scored, chosen, oofPath);
        if (oneDeployment is not null) PrintDeployments(oneDeployment, DeploymentFigures.Of(samples, alone, chosen));

        var allDomain = InnerDomainScores(samples, folds);
        var (finalWeights, finalBias) = regression.Fit(rows, allDomain);
        var finalDomain = DomainScoreFitting.Fit(samples.Select(s => (s.Text, s.Question.Answerable)));
        PrintEnglish([.. samples.Where(s => s.IsEnglish)], chosen, englishChosen, thresholds);
        new RefusalModel(GroundingFeatures.Names, finalWeights[..^1], finalBias, chosen, finalDomain, finalWeights[^1], englishChosen,
            knowledgeBase.Chunks.Select(c => c.DocumentId).Distinct(StringComparer.Ordinal)).Save(output);
        Console.WriteLine($"\nModel fitted on all {rows.Count} questions past the hard rule{(bothDeployments ? " in both deployments" : "")}, domain score on all {samples.Count} questions "
                          + $"({finalDomain.Weights.Count} grams), threshold {chosen:F2}, written to {Path.GetRelativePath(root, output)}:");
        foreach (var (name, weight) in GroundingFeatures.Names.Append("(domain score)").Zip(finalWeights))
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-18} {weight,8:F3}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {"(bias)",-18} {finalBias,8:F3}"));
        return 0;
    }

    /// <summary>
    /// Sets every sample of <paramref name="test"/> its out-of-fold probabilities (model and veto), fitted per fold on the rows of
    /// <paramref name="train"/> outside it, with domain scores from the with-laws <paramref name="samples"/> outside it; returns
    /// the folds' AUCs on their with-laws rows and the operating points chosen on the with-laws samples.
    /// </summary>
    private static (List<double> FoldAuc, List<double> VetoAuc, double Chosen, double VetoChosen, double EnglishChosen) CrossValidate(IReadOnlyList<Sample> samples,
        IReadOnlyList<Sample> train, IReadOnlyList<Sample> test, int folds, Regression regression, IReadOnlyList<double> thresholds)
    {
        var foldAuc = new List<double>();
        var vetoAuc = new List<double>();
        for (var fold = 0; fold < folds; fold++)
        {
            var outside = samples.Where(s => s.Fold != fold).ToList();
            var trainRows = train.Where(s => s.Fold != fold).ToList();
            var trainDomain = InnerDomainScores(outside, folds);
            var domain = DomainScoreFitting.Fit(outside.Select(s => (s.Text, s.Question.Answerable)));
            var testRows = test.Where(s => s.Fold == fold).ToList();
            var (weights, bias) = regression.Fit(trainRows, trainDomain);
            var trees = regression.FitTrees(trainRows, trainDomain, weights, bias);
            foreach (var sample in testRows) sample.Probability = Regression.Probability(Row(sample, domain.Of(sample.DomainSource.Text)), weights, bias, trees);
            var withLaws = testRows.Where(s => s.Twin is null).ToList();
            foldAuc.Add(LogisticRegression.Auc(withLaws.Select(s => s.Probability).ToList(), withLaws.Select(s => s.Question.Answerable).ToList()));
            var vetoTrain = trainRows.Where(s => s.ThresholdsPass).ToList();
            var (vetoWeights, vetoBias) = regression.Fit(vetoTrain, trainDomain);
            foreach (var sample in testRows.Where(s => s.ThresholdsPass)) sample.VetoProbability = LogisticRegression.Probability(Row(sample, domain.Of(sample.DomainSource.Text)), vetoWeights, vetoBias);
            var vetoTest = withLaws.Where(s => s.ThresholdsPass).ToList();
            vetoAuc.Add(LogisticRegression.Auc(vetoTest.Select(s => s.VetoProbability).ToList(), vetoTest.Select(s => s.Question.Answerable).ToList()));
        }

        // The veto's operating point as it was chosen before: the most must-refuse questions refused for at most MaxHitLoss of hit@3.
        var thresholdsHit = VetoFiguresOf(samples, 0)[0];
        var vetoChosen = thresholds.Where(t => thresholdsHit - VetoFiguresOf(samples, t)[0] <= MaxHitLoss + 1e-9)
            .MaxBy(t => (VetoFiguresOf(samples, t)[2], -t));
        // The model's point (Choose) is chosen without the coverage slices: one question per article nobody had asked about
        // teaches the ranker, but is no sample of what users send.
        // English questions get their own point: their features (coverage of English words, the English guides and translations
        // as candidates) are distributed otherwise, and one threshold for both would be set by the far more numerous Chinese.
        var traffic = samples.Where(s => !s.Question.IsCoverage).ToList();
        return (foldAuc, vetoAuc, Choose([.. traffic.Where(s => !s.IsEnglish)], thresholds), vetoChosen,
            Choose([.. traffic.Where(s => s.IsEnglish)], thresholds));
    }

    /// <summary>
    /// The threshold whose larger shortfall from the two acceptance bars is least, each shortfall counted in the errors its
    /// bar allows: (<see cref="HitBar"/> − answerable hit@3) / (1 − <see cref="HitBar"/>) and (<see cref="RefusalBar"/> −
    /// must-refuse refused) / (1 − <see cref="RefusalBar"/>). The bars allow half as many must-refuse questions answered as
    /// answerable ones missed, so an equal weighing of the two error shares (Youden's J) sets the point too low to keep the
    /// refusal bar. Where both bars hold, the threshold with the widest margin on both wins.
    /// </summary>
    private static double Choose(IReadOnlyList<Sample> samples, IReadOnlyList<double> thresholds)
        => thresholds.Select(t => (Threshold: t, Figures: FiguresOf(samples, t)))
            .MinBy(p => (Math.Round(Math.Max((HitBar - p.Figures[0]) / (1 - HitBar), (RefusalBar - p.Figures[2]) / (1 - RefusalBar)), 9), p.Threshold)).Threshold;

    /// <summary>The acceptance bars the operating point serves: answerable hit@3 and must-refuse refused.</summary>
    private const double HitBar = 0.90, RefusalBar = 0.95;

    /// <summary>Each deployment's out-of-fold figures at a threshold, kept apart from the samples: the next cross-validation overwrites their probabilities.</summary>
    private sealed record DeploymentFigures(double Threshold, double[] WithLaws, double[] Alone)
    {
        public static DeploymentFigures Of(IReadOnlyList<Sample> withLaws, IReadOnlyList<Sample> alone, double threshold)
            => new(threshold, FiguresOf(withLaws, threshold), FiguresOf(alone, threshold));
    }

    private static void PrintDeployments(DeploymentFigures before, DeploymentFigures after)
    {
        Console.WriteLine();
        Console.WriteLine("Each deployment out of fold, the model trained on the with-laws deployment alone → on both (threshold chosen on the with-laws samples):");
        Console.WriteLine();
        Console.WriteLine("| deployment | threshold | answerable hit@3 | answerable refused | must-refuse refused |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var (name, one, both) in new[] { ("knowledge and laws", before.WithLaws, after.WithLaws), ("knowledge/ alone", before.Alone, after.Alone) })
            Console.WriteLine($"| {name} | {Format(before.Threshold)} → {Format(after.Threshold)} | {string.Join(" | ", Enumerable.Range(0, 3).Select(f => $"{Format3(one[f])} → {Format3(both[f])}"))} |");
    }

    private static void AssignFolds(IReadOnlyList<Sample> samples, int folds, int seed)
    {
        var order = samples.ToArray();
        new Random(seed).Shuffle(order);
        for (var i = 0; i < order.Length; i++) order[i].Fold = i % folds;
    }

    /// <summary>Whole batches to folds, the largest first into the fold with the fewest items; the unbatched items are one batch.</summary>
    private static void AssignFoldsByBatch(IReadOnlyList<Sample> samples, int folds)
    {
        var sizes = new int[folds];
        foreach (var batch in samples.GroupBy(s => s.Question.Batch ?? "").OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            var fold = Array.IndexOf(sizes, sizes.Min());
            foreach (var sample in batch) sample.Fold = fold;
            sizes[fold] += batch.Count();
        }
    }

    /// <summary>Each question's domain score from a table fitted on the other inner folds of <paramref name="questions"/>.</summary>
    private static Dictionary<Sample, double> InnerDomainScores(IReadOnlyList<Sample> questions, int folds)
    {
        var scores = new Dictionary<Sample, double>(ReferenceEqualityComparer.Instance);
        for (var inner = 0; inner < folds; inner++)
        {
            var domain = DomainScoreFitting.Fit(questions.Where((_, i) => i % folds != inner).Select(s => (s.Text, s.Question.Answerable)));
            for (var i = inner; i < questions.Count; i += folds) scores[questions[i]] = domain.Of(questions[i].Text);
        }
        return scores;
    }

    private static double[] Row(Sample sample, double domainScore) => [.. sample.Features!, domainScore];

    /// <summary>The regression's sign constraints, L2 penalty and the share of its loss the knowledge/-only rows carry.</summary>
    /// <param name="Boosting">
    /// Trees fitted to the regression's residuals for the cross-validation curve alone (<c>--trees N</c>), never shipped: out of fold
    /// by batch, 200 trees of depth 2 refused 0.858 of must-refuse questions at 0.055 of answerable ones refused, where the regression
    /// refused 0.848 at 0.056; but fitted on the whole set they answered fewer of the unseen questions rightly and refused fewer of
    /// those to be refused, at every threshold.
    /// </param>
    private sealed record Regression(IReadOnlyList<int> Signs, double L2, double AloneShare, MonotoneBoosting? Boosting = null)
    {
        /// <summary>The trees fitted on the residuals of the regression <paramref name="weights"/>, <paramref name="bias"/>; none without <see cref="Boosting"/>.</summary>
        public IReadOnlyList<RankingTree> FitTrees(IReadOnlyList<Sample> rows, Dictionary<Sample, double> domainScores, double[] weights, double bias)
        {
            if (Boosting is null) return [];
            var x = rows.Select(s => Row(s, domainScores[s.DomainSource])).ToList();
            var rowWeights = rows.Any(s => s.Twin is not null) ? rows.Select(s => s.Twin is null ? 1 - AloneShare : AloneShare).ToList() : null;
            return Boosting.Fit(x, [.. rows.Select(s => s.Question.Answerable)], [.. x.Select(r => LogisticRegression.Logit(r, weights, bias))], rowWeights);
        }

        public static double Probability(double[] row, double[] weights, double bias, IReadOnlyList<RankingTree> trees)
        {
            if (trees.Count == 0) return LogisticRegression.Probability(row, weights, bias);
            var z = LogisticRegression.Logit(row, weights, bias);
            var columns = row.Select(v => (float)v).ToArray();
            foreach (var tree in trees) z += tree.LeafValues[tree.LeafOf(columns)];
            return 1 / (1 + Math.Exp(-z));
        }

        /// <summary>Fits <paramref name="rows"/>, each reading the domain score of its with-laws sample.</summary>
        public (double[] Weights, double Bias) Fit(IReadOnlyList<Sample> rows, Dictionary<Sample, double> domainScores)
            => LogisticRegression.Fit([.. rows.Select(s => Row(s, domainScores[s.DomainSource]))], [.. rows.Select(s => s.Question.Answerable)], Signs, L2,
                groups: [.. rows.Select(s => s.Twin is null ? 0 : 1)], groupShares: [1 - AloneShare, AloneShare]);
    }

    /// <summary>
    /// Runs every item with a model that answers whatever the hard rule lets through, keeping the final turn's answer as the
    /// engine's answerer returned it, and the composer's ranking candidates for the question it received.
    /// </summary>
    private static async Task<(List<Sample>, KnowledgeBase)> CollectAsync(IReadOnlyList<LayQuestion> questions, IReadOnlyList<string> knowledge,
        bool absentAnswersMustRefuse = false)
    {
        Answer? last = null;
        string? asked = null;
        var answersEverything = new RefusalModel(GroundingFeatures.Names, new double[GroundingFeatures.Names.Count], 0, 0,
            new DomainScore(new Dictionary<string, double>()), 0);
        // The engine's own composer, and the model file it would load, stay out of it: the answerer below decides.
        // The shipped annotated questions hold the set's own items: the engine's ranker reads the linked questions alone, and the
        // nested ranker below reads neighbours out of fold.
        var overrides = new Dictionary<string, string?>
        {
            [$"{AnswerOptions.SectionName}:{nameof(AnswerOptions.UseRefusalModel)}"] = "false",
            [$"{KnowledgeRankingOptions.SectionName}:{nameof(KnowledgeRankingOptions.UseAnnotatedQuestions)}"] = "false",
        };
        await using var harness = await ChatHarness.CreateAsync(knowledge, overrides, services: services => services.AddSingleton<IKnowledgeAnswerer>(sp =>
            new ObservingAnswerer(new ExtractiveKnowledgeAnswerer(sp.GetRequiredService<KnowledgeBaseProvider>(),
                    new ExtractiveAnswerComposer(sp.GetRequiredService<IOptions<AnswerOptions>>(), answersEverything,
                        sp.GetRequiredService<IOptions<KnowledgeRankingOptions>>().Value)),
                (question, answer) => (asked, last) = (question, answer))));
        var knowledgeBase = await harness.Knowledge.GetAsync();
        if (absentAnswersMustRefuse) questions = LayQuestionSet.AbsentAnswersMustRefuse(questions, knowledgeBase);
        var rankingComposer = new ExtractiveAnswerComposer(Options.Create(new AnswerOptions()), refusalModel: null,
            new KnowledgeRankingOptions { UseKnowledgeRanker = false, UseAnnotatedQuestions = false });
        var samples = new List<Sample>(questions.Count);
        using var progress = new ConsoleProgress("running the items through the engine", questions.Count);
        foreach (var question in questions)
        {
            var user = "train-" + question.Id;
            string? conversation = null;
            if (question.History.Count > 0) conversation = (await harness.ConverseAsync(user, question.History))[^1].Reply.ConversationId;
            (asked, last) = (null, null);
            var reply = await harness.Engine.HandleAsync(new IncomingMessage(user, ChatApi.Channel, conversation, $"{user}-final", question.Query), CancellationToken.None);
            var form = reply.Task is { State: not "cancelled" };
            var refused = reply.Citations.Count == 0 && !form;
            var hit = question.Answerable && !form && question.Hits(reply.Citations.Take(Top).Select(c => (c.Source, c.Section)));
            var decided = !form && !refused && last?.Decision is { Features: { } features } ? features.ToArray() : null;
            var sample = new Sample(question, hit, refused, decided) { Asked = asked, Lead = reply.Citations.FirstOrDefault() };
            if (question.Answerable && asked is not null)
                sample.Annotated = new AnnotatedQuestion(asked, [.. knowledgeBase.Chunks.Where(c => question.Hits([(c.Title, c.Section)])).Select(c => c.Id)]);
            samples.Add(sample);
            progress.Report(samples.Count);
        }
        // The ranking candidates of a decided question, with the clauses the set's nearest questions name, as when answering.
        var everyone = OutOfFoldNeighbours.Everyone(AnnotatedQuestions.Of(knowledgeBase, []).Concat(samples.Select(s => s.Annotated).OfType<AnnotatedQuestion>()));
        foreach (var sample in samples.Where(s => s.Features is not null && s.Asked is not null))
        {
            var question = sample.Question;
            (sample.Ranking, sample.NeighbourAdded) = OutOfFoldNeighbours.Collect(question.Id, rankingComposer, knowledgeBase, sample.Asked!, everyone,
                chunk => question.Answerable && question.Hits([(chunk.Title, chunk.Section)]));
        }
        return (samples, knowledgeBase);
    }

    /// <summary>
    /// Replaces each decided question's knowledge-ranker features with those of a ranker trained, as <c>train-knowledge-ranker</c>
    /// trains it, on the answerable items of the other folds: the shipped ranker has seen every item of the set.
    /// </summary>
    private static void NestRankerFeatures(IReadOnlyList<Sample> samples, int folds, IReadOnlyList<AnnotatedQuestion> linked)
    {
        var trainer = new RankerTrainer(TrainRankerOptions.KnowledgeDefaults, KnowledgeRankingFeatures.Names);
        var neighbours = new OutOfFoldNeighbours(linked, [.. samples.Select(s => s.Annotated)], [.. samples.Select(s => s.Fold)]);
        // How near the question is to one answered before, from the linked questions and the other folds' answerable items.
        foreach (var sample in samples.Where(s => s.Features is not null && s.Asked is not null))
            sample.Features![Index("neighbour_similarity")] =
                ExtractiveAnswerComposer.NearestSimilarity(neighbours.Without(sample.Fold, sample.Fold).Votes(sample.Asked!));
        var coverage = KnowledgeRankingFeatures.IndexOf(KnowledgeRankingFeature.Coverage);
        for (var fold = 0; fold < folds; fold++)
        {
            var train = samples.Where(s => s.Fold != fold && s.Ranking is { } r && r.Relevant.Contains(true))
                .Select(s => OutOfFoldNeighbours.With(s.Ranking!, s.Asked!, neighbours.Without(fold, s.Fold), s.NeighbourAdded)).Where(r => r.Relevant.Contains(true)).ToList();
            TreeEnsemble ranker;
            using (new ConsoleProgress($"fold {fold + 1}/{folds}: training the knowledge ranker on {train.Count} items")) ranker = trainer.Train(train);
            foreach (var sample in samples.Where(s => s.Fold == fold && s.Features is not null && s.Ranking is { Features.Count: > 0 }))
            {
                var rows = OutOfFoldNeighbours.With(sample.Ranking!, sample.Asked!, neighbours.Without(fold, fold), sample.NeighbourAdded).Features;
                var order = Enumerable.Range(0, rows.Count).Select(i => (Index: i, Score: ranker.Score(rows[i]))).OrderByDescending(x => x.Score).ThenBy(x => x.Index).ToList();
                var signals = new DecisionSignals(false, false, order[0].Score, order.Count > 1 ? order[1].Score : null, rows[order[0].Index][coverage], 0);
                sample.Features![Index("ranker_confidence")] = signals.RankerConfidence;
                sample.Features[Index("ranker_margin")] = signals.RankerMargin;
                sample.Features[Index("ranker_coverage")] = signals.RankerTopCoverage;
            }
        }
    }

    /// <summary>Each decided item's out-of-fold probability and verdict at the chosen threshold, one JSON line each, to read what held-out folds refuse.</summary>
    private static async Task WriteOutOfFoldAsync(IReadOnlyList<Sample> scored, double threshold, string path)
    {
        var lines = scored.Select(s => JsonSerializer.Serialize(new
        {
            s.Question.Id, s.Question.Batch, s.Question.Answerable, s.Hit, s.Fold, Probability = Math.Round(s.Probability, 3),
            Answered = s.AnsweredAt(threshold), s.Asked,
            Features = GroundingFeatures.Names.Zip(s.Features!, (name, value) => (name, value)).Where(f => f.value != 0)
                .ToDictionary(f => f.name, f => Math.Round(f.value, 3)),
        }, OutOfFoldJson));
        await File.WriteAllLinesAsync(path, lines);
        Console.WriteLine($"Out-of-fold verdicts of {scored.Count} items written to {path}");
    }

    private static readonly JsonSerializerOptions OutOfFoldJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes each rule answer with its features and the question's words (weight, domain, foreign, covered by the lead), for study.</summary>
    private static async Task DumpAsync(IReadOnlyList<Sample> samples, KnowledgeBase knowledge, string path)
    {
        var scorer = new GroundingScorer(knowledge.Lexical, (float)new AnswerOptions().DomainWordWeight);
        var lines = new List<string>();
        foreach (var sample in samples.Where(s => s.Features is not null && s.Asked is not null && s.Lead is not null))
        {
            var lead = knowledge.Chunks.First(c => c.Title == sample.Lead!.Source && c.Section == sample.Lead.Section);
            var text = ServiceBot.Text.TextNormalizer.Normalize(lead.Title + "\n" + lead.HeadingPath + "\n" + lead.Text);
            var terms = scorer.Terms(sample.Asked!).Select(t => new
            {
                t.Word, t.Weight, Domain = t.IsDomain, t.Foreign, Covered = t.Forms.Any(f => text.Contains(f, StringComparison.Ordinal)),
                Idf = knowledge.Lexical.WordIdf(t.Word),
            });
            lines.Add(System.Text.Json.JsonSerializer.Serialize(new
            {
                sample.Question.Id, sample.Question.Answerable, sample.Hit, sample.Question.Batch, sample.Question.Kind, sample.Asked,
                Lead = lead.Title + " " + lead.Section, sample.Features, Terms = terms,
            }, new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        }
        await File.WriteAllLinesAsync(path, lines);
    }

    private static void Print(string path, string root, IReadOnlyList<Sample> samples, IReadOnlyList<Sample> scored, int folds,
        IReadOnlyList<double> foldAuc, IReadOnlyList<double> vetoAuc, IReadOnlyList<double> thresholds, double chosen, double vetoChosen)
    {
        Console.WriteLine($"## Refusal model ({Path.GetRelativePath(root, path)}): {samples.Count(s => s.Question.Answerable)} answerable, "
                          + $"{samples.Count(s => !s.Question.Answerable)} must-refuse; past the hard rule {scored.Count} "
                          + $"({scored.Count(s => s.Question.Answerable)} answerable, {scored.Count(s => !s.Question.Answerable)} must-refuse), "
                          + $"of which the coverage thresholds answer {scored.Count(s => s.ThresholdsPass)}");
        Console.WriteLine();
        Console.WriteLine($"{folds}-fold cross-validation by item, out-of-fold probabilities; the model decides at {Format(chosen)}, the veto (former design) at {Format(vetoChosen)}:");
        Console.WriteLine();
        Console.WriteLine("| fold | decided | answerable | must-refuse | AUC (model) | AUC (veto, threshold answers) | answerable refused | must-refuse refused |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (var fold = 0; fold < folds; fold++)
        {
            var part = scored.Where(s => s.Fold == fold).ToList();
            var answerable = part.Where(s => s.Question.Answerable).ToList();
            var mustRefuse = part.Where(s => !s.Question.Answerable).ToList();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {fold + 1} | {part.Count} | {answerable.Count} | {mustRefuse.Count} | {foldAuc[fold]:F3} | {vetoAuc[fold]:F3} | "
                + $"{answerable.Count(s => !s.AnsweredAt(chosen))} | {mustRefuse.Count(s => !s.AnsweredAt(chosen))} |"));
        }
        Console.WriteLine();
        Console.WriteLine("Whole set (answerable hit@3 / answerable refused / must-refuse refused / must-refuse answered):");
        Console.WriteLine();
        Console.WriteLine("| decision | answerable hit@3 | answerable refused | must-refuse refused | must-refuse answered |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        Console.WriteLine($"| hard rule and coverage thresholds (no model) | {Figures(VetoFiguresOf(samples, 0))} |");
        Console.WriteLine($"| thresholds, then the veto at {Format(vetoChosen)} (former design, out of fold) | {Figures(VetoFiguresOf(samples, vetoChosen))} |");
        Console.WriteLine($"| hard rule, then the model at {Format(chosen)} (out of fold) | {Figures(FiguresOf(samples, chosen))} |");
        Console.WriteLine($"| hard rule alone (every question past it answered) | {Figures(FiguresOf(samples, 0))} |");
        Console.WriteLine();
        Console.WriteLine("The model's out-of-fold curve, by threshold:");
        Console.WriteLine();
        Console.WriteLine("| threshold | answerable hit@3 | answerable refused | must-refuse refused | must-refuse answered |");
        Console.WriteLine("|---:|---:|---:|---:|---:|");
        foreach (var threshold in thresholds.Where(t => Math.Round(t * 100) % 5 == 0 || t == chosen))
        {
            var mark = threshold == chosen ? " **(chosen)**" : "";
            Console.WriteLine($"| {Format(threshold)}{mark} | {Figures(FiguresOf(samples, threshold))} |");
        }
        var batches = samples.Where(s => s.Question.Batch is not null).GroupBy(s => s.Question.Batch!).ToList();
        if (batches.Count == 0) return;
        Console.WriteLine();
        Console.WriteLine($"By batch, the veto at {Format(vetoChosen)} → the model at {Format(chosen)} (out of fold):");
        Console.WriteLine();
        Console.WriteLine("| batch | answerable hit@3 | answerable refused | must-refuse refused | must-refuse answered |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var batch in batches.Append(samples.Where(s => s.Question.Batch is null).GroupBy(_ => "(first)").Single()).OrderBy(b => b.Key, StringComparer.Ordinal))
        {
            var list = batch.ToList();
            var (before, after) = (VetoFiguresOf(list, vetoChosen), FiguresOf(list, chosen));
            Console.WriteLine($"| {batch.Key} | {string.Join(" | ", Enumerable.Range(0, 4).Select(f => $"{Format3(before[f])} → {Format3(after[f])}"))} |");
        }
    }

    /// <summary>English questions are decided by the coverage thresholds; what the model would do with them, beside it.</summary>
    private static void PrintEnglish(IReadOnlyList<Sample> english, double chosen, double englishChosen, IReadOnlyList<double> thresholds)
    {
        Console.WriteLine();
        Console.WriteLine($"English questions ({english.Count(s => s.Question.Answerable)} answerable, {english.Count(s => !s.Question.Answerable)} must-refuse), out of fold:");
        Console.WriteLine();
        Console.WriteLine("| decision | answerable hit@3 | answerable refused | must-refuse refused | must-refuse answered |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        Console.WriteLine($"| coverage thresholds (no model) | {Figures(VetoFiguresOf(english, 0))} |");
        Console.WriteLine($"| the model at the Chinese threshold {Format(chosen)} | {Figures(FiguresOf(english, chosen))} |");
        foreach (var threshold in thresholds.Where(t => Math.Round(t * 100) % 10 == 0 || t == englishChosen))
            Console.WriteLine($"| the model at {Format(threshold)}{(threshold == englishChosen ? " **(chosen for English)**" : "")} | {Figures(FiguresOf(english, threshold))} |");
    }

    private static double[] FiguresOf(IReadOnlyList<Sample> samples, double threshold) => Figures(samples, s => s.AnsweredAt(threshold));

    private static double[] VetoFiguresOf(IReadOnlyList<Sample> samples, double threshold) => Figures(samples, s => s.VetoAnsweredAt(threshold));

    /// <summary>Answerable hit@3, answerable refused, must-refuse refused and must-refuse answered, when <paramref name="answered"/> says which are answered.</summary>
    private static double[] Figures(IReadOnlyList<Sample> samples, Func<Sample, bool> answered)
    {
        var answerable = samples.Where(s => s.Question.Answerable).ToList();
        var mustRefuse = samples.Where(s => !s.Question.Answerable).ToList();
        var refused = Rate(mustRefuse, s => !answered(s));
        return [Rate(answerable, s => s.Hit && answered(s)), Rate(answerable, s => !answered(s)), refused, 1 - refused];
    }

    private static string Figures(double[] figures) => string.Join(" | ", figures.Select(Format3));

    private static double Rate(IEnumerable<Sample> samples, Func<Sample, bool> success)
    {
        var list = samples.ToList();
        // A batch with no question of a kind has no rate for it (shown as –), not a rate of 0.
        return list.Count == 0 ? double.NaN : (double)list.Count(success) / list.Count;
    }

    private static string? Option(string[] args, string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();

    private static string Format(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Format3(double value) => double.IsNaN(value) ? "–" : value.ToString("F3", CultureInfo.InvariantCulture);
}
