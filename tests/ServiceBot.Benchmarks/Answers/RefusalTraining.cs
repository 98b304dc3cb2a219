using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using ServiceBot.Answers;
using ServiceBot.Answers.Refusal;
using ServiceBot.Benchmarks.Retrieval;
using ServiceBot.Conversation;
using ServiceBot.Knowledge;
using ServiceBot.Server.Chat;

namespace ServiceBot.Benchmarks.Answers;

/// <summary>
/// <c>train-refusal</c>: fits the refusal model (<see cref="RefusalModel"/>) on a lay-question set. Every item goes through
/// the conversation engine with the model off, and the answers the grounding rule gives are kept with their
/// <see cref="GroundingFeatures"/>. A logistic regression over them and the question's <see cref="DomainScore"/> is
/// cross-validated by item (k folds). The domain score of a fold is fitted on every question outside the fold, refused by
/// the rule or not; the regression's own training rows read scores from an inner k-fold split of those questions, so no
/// row is scored by a table that counted it. The out-of-fold
/// probabilities give the curve of answerable questions refused against must-refuse questions answered over the whole
/// set, and the threshold that refuses the most must-refuse questions for at most <see cref="MaxHitLoss"/> of answerable
/// hit@3 is stored with a model fitted on every item.
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
    };

    /// <summary>The domain score's weight may only argue for answering questions worded like answerable ones.</summary>
    private const int DomainSign = 1;

    /// <summary>One item's reply with the model off; <see cref="Features"/> is set when the rule answered it from a clause.</summary>
    private sealed record Sample(LayQuestion Question, bool Hit, bool Refused, double[]? Features)
    {
        /// <summary>The question as the engine handed it to the answerer, and the clause it led with.</summary>
        public string? Asked { get; init; }

        public Citation? Lead { get; init; }

        /// <summary>The question's wording, as the domain score reads it: as handed to the answerer, else as typed.</summary>
        public string Text => Asked ?? Question.Query;

        public double Probability { get; set; } = 1;

        public int Fold { get; set; } = -1;

        public bool AnsweredAt(double threshold) => !Refused && (Features is null || Probability >= threshold || RefusalModel.ClauseStatesIt(Features));
    }

    public static async Task<int> RunAsync(string[] args)
    {
        var root = RepositoryPaths.FindRoot();
        var shared = Path.GetFullPath(Path.Combine(root, "..", "shared"));
        var knowledge = new[] { Path.Combine(root, "knowledge"), Path.Combine(shared, "knowledge-corpus", "laws") };
        var folds = int.TryParse(Option(args, "--folds"), CultureInfo.InvariantCulture, out var k) ? k : 5;
        var output = Option(args, "--out") ?? Path.Combine(root, "src", "ServiceBot.Core", "Answers", "Refusal", "Model", "refusal-model.json");
        var files = args.TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
        var path = files.Count > 0 ? Path.GetFullPath(files[0]) : Path.Combine(root, "tests", "datasets", "lay-questions", "dev.jsonl");
        if (!File.Exists(path) || knowledge.Any(f => !Directory.Exists(f)) || folds < 2)
        {
            Console.Error.WriteLine($"error: {path} or a knowledge folder ({string.Join(", ", knowledge)}) not found, or --folds below 2");
            return 2;
        }
        var questions = LayQuestionSet.Load(path);
        var (samples, knowledgeBase) = await CollectAsync(questions, knowledge);
        if (Option(args, "--dump") is { } dump) await DumpAsync(samples, knowledgeBase, dump);
        var scored = samples.Where(s => s.Features is not null).ToList();
        var signs = GroundingFeatures.Names.Select(n => Signs.GetValueOrDefault(n)).Append(DomainSign).ToList();

        // Folds by item over every question: each item's probability comes from a model and a domain score that never saw it.
        AssignFolds(samples, folds, seed: 20261130);
        var foldAuc = new List<double>();
        for (var fold = 0; fold < folds; fold++)
        {
            var outside = samples.Where(s => s.Fold != fold).ToList();
            var train = scored.Where(s => s.Fold != fold).ToList();
            var trainDomain = InnerDomainScores(outside, folds);
            var (weights, bias) = LogisticRegression.Fit(train.Select(s => Row(s, trainDomain[s])).ToList(), train.Select(s => s.Question.Answerable).ToList(), signs);
            var domain = DomainScoreFitting.Fit(outside.Select(s => (s.Text, s.Question.Answerable)));
            var test = scored.Where(s => s.Fold == fold).ToList();
            foreach (var sample in test) sample.Probability = LogisticRegression.Probability(Row(sample, domain.Of(sample.Text)), weights, bias);
            foldAuc.Add(LogisticRegression.Auc(test.Select(s => s.Probability).ToList(), test.Select(s => s.Question.Answerable).ToList()));
        }

        // The operating point: the most must-refuse questions refused for at most MaxHitLoss of answerable hit@3.
        var thresholds = Enumerable.Range(0, 61).Select(i => i * 0.01).ToList();
        var ruleHit = FiguresOf(samples, 0)[0];
        var chosen = thresholds.Where(t => ruleHit - FiguresOf(samples, t)[0] <= MaxHitLoss + 1e-9)
            .MaxBy(t => (FiguresOf(samples, t)[2], -t));
        Print(path, root, samples, scored, folds, foldAuc, thresholds, chosen);

        var allDomain = InnerDomainScores(samples, folds);
        var (finalWeights, finalBias) = LogisticRegression.Fit(scored.Select(s => Row(s, allDomain[s])).ToList(), scored.Select(s => s.Question.Answerable).ToList(), signs);
        var finalDomain = DomainScoreFitting.Fit(samples.Select(s => (s.Text, s.Question.Answerable)));
        new RefusalModel(GroundingFeatures.Names, finalWeights[..^1], finalBias, chosen, finalDomain, finalWeights[^1]).Save(output);
        Console.WriteLine($"\nModel fitted on all {scored.Count} rule answers, domain score on all {samples.Count} questions "
                          + $"({finalDomain.Weights.Count} grams), threshold {chosen:F2}, written to {Path.GetRelativePath(root, output)}:");
        foreach (var (name, weight) in GroundingFeatures.Names.Append("(domain score)").Zip(finalWeights))
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-18} {weight,8:F3}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {"(bias)",-18} {finalBias,8:F3}"));
        return 0;
    }

    private static void AssignFolds(IReadOnlyList<Sample> samples, int folds, int seed)
    {
        var order = samples.ToArray();
        new Random(seed).Shuffle(order);
        for (var i = 0; i < order.Length; i++) order[i].Fold = i % folds;
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

    /// <summary>Runs every item with the model off, keeping the final turn's answer as the engine's answerer returned it.</summary>
    private static async Task<(List<Sample>, KnowledgeBase)> CollectAsync(IReadOnlyList<LayQuestion> questions, IReadOnlyList<string> knowledge)
    {
        Answer? last = null;
        string? asked = null;
        var overrides = new Dictionary<string, string?> { [$"{AnswerOptions.SectionName}:{nameof(AnswerOptions.UseRefusalModel)}"] = "false" };
        await using var harness = await ChatHarness.CreateAsync(knowledge, overrides, services: services => services.AddSingleton<IKnowledgeAnswerer>(sp =>
            new ObservingAnswerer(new ExtractiveKnowledgeAnswerer(sp.GetRequiredService<KnowledgeBaseProvider>(), sp.GetRequiredService<ExtractiveAnswerComposer>()),
                (question, answer) => (asked, last) = (question, answer))));
        var samples = new List<Sample>(questions.Count);
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
            var decided = !form && !refused && last?.Decision is { RuleAnswers: true, Features: { } features } ? features.ToArray() : null;
            samples.Add(new Sample(question, hit, refused, decided) { Asked = asked, Lead = reply.Citations.FirstOrDefault() });
        }
        return (samples, await harness.Knowledge.GetAsync());
    }

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
        IReadOnlyList<double> foldAuc, IReadOnlyList<double> thresholds, double chosen)
    {
        Console.WriteLine($"## Refusal model ({Path.GetRelativePath(root, path)}): {samples.Count(s => s.Question.Answerable)} answerable, "
                          + $"{samples.Count(s => !s.Question.Answerable)} must-refuse; the rule answers {scored.Count} "
                          + $"({scored.Count(s => s.Question.Answerable)} answerable, {scored.Count(s => !s.Question.Answerable)} must-refuse)");
        Console.WriteLine();
        Console.WriteLine($"{folds}-fold cross-validation by item, out-of-fold probabilities; at the chosen threshold {Format(chosen)}:");
        Console.WriteLine();
        Console.WriteLine("| fold | rule answers | answerable | must-refuse | AUC | answerable vetoed | must-refuse vetoed |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|");
        for (var fold = 0; fold < folds; fold++)
        {
            var part = scored.Where(s => s.Fold == fold).ToList();
            var answerable = part.Where(s => s.Question.Answerable).ToList();
            var mustRefuse = part.Where(s => !s.Question.Answerable).ToList();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {fold + 1} | {part.Count} | {answerable.Count} | {mustRefuse.Count} | {foldAuc[fold]:F3} | "
                + $"{answerable.Count(s => !s.AnsweredAt(chosen))} | {mustRefuse.Count(s => !s.AnsweredAt(chosen))} |"));
        }
        Console.WriteLine();
        Console.WriteLine("Whole set, rule then model (out-of-fold), by threshold:");
        Console.WriteLine();
        Console.WriteLine("| threshold | answerable hit@3 | answerable refused | must-refuse refused | must-refuse answered |");
        Console.WriteLine("|---:|---:|---:|---:|---:|");
        foreach (var threshold in thresholds.Where(t => Math.Round(t * 100) % 5 == 0 || t == chosen))
        {
            var mark = threshold == chosen ? " **(chosen)**" : "";
            Console.WriteLine($"| {Format(threshold)}{mark} | {Figures(samples, threshold)} |");
        }
        var batches = samples.Where(s => s.Question.Batch is not null).GroupBy(s => s.Question.Batch!).ToList();
        if (batches.Count == 0) return;
        Console.WriteLine();
        Console.WriteLine($"By batch, rule alone → rule and model at {Format(chosen)}:");
        Console.WriteLine();
        Console.WriteLine("| batch | answerable hit@3 | answerable refused | must-refuse refused | must-refuse answered |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var batch in batches.Append(samples.Where(s => s.Question.Batch is null).GroupBy(_ => "(first)").Single()).OrderBy(b => b.Key, StringComparer.Ordinal))
        {
            var list = batch.ToList();
            Console.WriteLine($"| {batch.Key} | {Pair(list, 0, chosen, 0)} | {Pair(list, 0, chosen, 1)} | {Pair(list, 0, chosen, 2)} | {Pair(list, 0, chosen, 3)} |");
        }
    }

    private static double[] FiguresOf(IReadOnlyList<Sample> samples, double threshold)
    {
        var answerable = samples.Where(s => s.Question.Answerable).ToList();
        var mustRefuse = samples.Where(s => !s.Question.Answerable).ToList();
        var refused = Rate(mustRefuse, s => !s.AnsweredAt(threshold));
        return [Rate(answerable, s => s.Hit && s.AnsweredAt(threshold)), Rate(answerable, s => !s.AnsweredAt(threshold)), refused, 1 - refused];
    }

    private static string Figures(IReadOnlyList<Sample> samples, double threshold)
        => string.Join(" | ", FiguresOf(samples, threshold).Select(Format3));

    private static string Pair(IReadOnlyList<Sample> samples, double before, double after, int figure)
        => $"{Format3(FiguresOf(samples, before)[figure])} → {Format3(FiguresOf(samples, after)[figure])}";

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
