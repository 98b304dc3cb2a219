using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ServiceBot.Answers;
using ServiceBot.Benchmarks.Ranking;
using ServiceBot.Benchmarks.Retrieval;
using ServiceBot.Conversation;
using ServiceBot.Server.Chat;
using ServiceBot.Knowledge;
using ServiceBot.Retrieval.Ranking;

namespace ServiceBot.Benchmarks.Answers;

/// <summary>
/// <c>taught-refusals</c>: what refusing a question nearer a taught refusal than any taught answer would do, out of batch.
/// Every item of the development set runs through the engine once to learn the question the answerer receives; each item is
/// then matched against the set's other batches only (its own batch's authors wrote its twins), so the figures are what a
/// question nobody taught meets. Combined with a <c>seedqa --misses</c> file of the same set, it counts for each similarity
/// floor the must-refuse items the rule would newly refuse and the answerable hits it would cost. Unseen sets given after
/// <c>--unseen</c> (each with its misses file) are matched against the whole development set.
/// </summary>
public static class TaughtRefusalSweep
{
    public const string Usage = "taught-refusals DEV_MISSES [--unseen FILE MISSES]...";

    private sealed record Item(LayQuestion Question, string? Asked, bool Hit, bool Refused);

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length == 0) { Console.Error.WriteLine(Usage); return 2; }
        var root = RepositoryPaths.FindRoot();
        var dev = LayQuestionSet.Load(Path.Combine(root, "tests", "datasets", "lay-questions", "dev.jsonl"));
        var unseen = new List<(IReadOnlyList<LayQuestion> Questions, string Misses)>();
        for (var i = 1; i + 2 < args.Length && args[i] == "--unseen"; i += 3)
            unseen.Add((LayQuestionSet.Load(Path.GetFullPath(args[i + 1])), Path.GetFullPath(args[i + 2])));

        string? asked = null;
        await using var harness = await ChatHarness.CreateAsync(LayRankingData.KnowledgeFolders(), new Dictionary<string, string?>
        {
            [$"{KnowledgeRankingOptions.SectionName}:{nameof(KnowledgeRankingOptions.UseAnnotatedQuestions)}"] = "false",
        }, services: services => services.AddSingleton<IKnowledgeAnswerer>(sp => new ObservingAnswerer(
            new ExtractiveKnowledgeAnswerer(sp.GetRequiredService<KnowledgeBaseProvider>(), sp.GetRequiredService<ExtractiveAnswerComposer>()),
            (question, _) => asked = question)));
        var knowledge = await harness.Knowledge.GetAsync();

        async Task<List<Item>> RunAll(IReadOnlyList<LayQuestion> questions, string missesPath, string label)
        {
            var misses = File.ReadLines(missesPath).Where(l => l.Length > 0).Select(l => JsonDocument.Parse(l).RootElement)
                .ToDictionary(e => e.GetProperty("id").GetString()!, e => e.GetProperty("refused").GetBoolean(), StringComparer.Ordinal);
            var items = new List<Item>();
            using var progress = new ConsoleProgress($"{label}: running the items", questions.Count);
            foreach (var question in questions)
            {
                var user = "taught-" + label + "-" + question.Id;
                string? conversation = null;
                if (question.History.Count > 0) conversation = (await harness.ConverseAsync(user, question.History))[^1].Reply.ConversationId;
                asked = null;
                await harness.Engine.HandleAsync(new IncomingMessage(user, ChatApi.Channel, conversation, $"{user}-final", question.Query), CancellationToken.None);
                var missed = misses.TryGetValue(question.Id, out var refused);
                items.Add(new Item(question, asked, question.Answerable && !missed, question.Answerable ? missed && refused : !missed));
                progress.Report(items.Count);
            }
            return items;
        }

        var devItems = await RunAll(dev, Path.GetFullPath(args[0]), "dev");
        var linked = AnnotatedQuestions.Of(knowledge, []).ToList();
        static AnnotatedQuestion Entry(Item item) => new(item.Asked!, ["taught"]);
        var batches = devItems.Select(i => i.Question.Batch ?? "").Distinct().ToList();
        // Per batch: nearest answered and nearest refused similarity over the other batches.
        var nearest = new Dictionary<string, (double Answered, double Refused)>(StringComparer.Ordinal);
        foreach (var batch in batches)
        {
            var others = devItems.Where(i => i.Asked is not null && (i.Question.Batch ?? "") != batch).ToList();
            var answered = new AnnotatedQuestionIndex(linked.Concat(others.Where(i => i.Question.Answerable).Select(Entry)));
            var refusals = new AnnotatedQuestionIndex(others.Where(i => !i.Question.Answerable).Select(Entry));
            foreach (var item in devItems.Where(i => i.Asked is not null && (i.Question.Batch ?? "") == batch))
                nearest[item.Question.Id] = Nearest(answered, refusals, item.Asked!);
        }
        Report("development set, out of batch", devItems, nearest);

        var all = devItems.Where(i => i.Asked is not null).ToList();
        var allAnswered = new AnnotatedQuestionIndex(linked.Concat(all.Where(i => i.Question.Answerable).Select(Entry)));
        var allRefusals = new AnnotatedQuestionIndex(all.Where(i => !i.Question.Answerable).Select(Entry));
        var n = 0;
        foreach (var (questions, misses) in unseen)
        {
            var items = await RunAll(questions, misses, "unseen" + ++n);
            Report($"{Path.GetFileName(misses)}, against the whole development set", items,
                items.Where(i => i.Asked is not null).ToDictionary(i => i.Question.Id, i => Nearest(allAnswered, allRefusals, i.Asked!), StringComparer.Ordinal));
        }
        return 0;
    }

    private static (double Answered, double Refused) Nearest(AnnotatedQuestionIndex answered, AnnotatedQuestionIndex refusals, string question)
        => (ExtractiveAnswerComposer.NearestSimilarity(answered.Votes(question)), ExtractiveAnswerComposer.NearestSimilarity(refusals.Votes(question)));

    private static void Report(string label, IReadOnlyList<Item> items, IReadOnlyDictionary<string, (double Answered, double Refused)> nearest)
    {
        var answerable = items.Count(i => i.Question.Answerable);
        var mustRefuse = items.Count - answerable;
        Console.WriteLine($"\n## {label}: {answerable} answerable ({items.Count(i => i.Hit)} hit), {mustRefuse} must-refuse ({items.Count(i => !i.Question.Answerable && i.Refused)} refused)\n");
        Console.WriteLine("| floor | lead | hits lost | answerable refused | must-refuse newly refused | hit@3 | must-refuse refused |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var floor in new[] { 0.4, 0.5, 0.6, 0.7, 0.8, 0.9 })
            foreach (var lead in new[] { 0.0, 0.05, 0.1, 0.2 })
            {
                bool Fires(Item i) => nearest.TryGetValue(i.Question.Id, out var s) && s.Refused >= floor && s.Refused > s.Answered + lead;
                var lost = items.Count(i => i.Question.Answerable && i.Hit && Fires(i));
                var newlyRefusedAnswerable = items.Count(i => i.Question.Answerable && !i.Refused && Fires(i));
                var gained = items.Count(i => !i.Question.Answerable && !i.Refused && Fires(i));
                var hits = items.Count(i => i.Hit) - lost;
                var refused = items.Count(i => !i.Question.Answerable && i.Refused) + gained;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {floor:F1} | {lead:F2} | {lost} | +{newlyRefusedAnswerable} | {gained} | {hits / (double)Math.Max(1, answerable):F3} | {refused / (double)Math.Max(1, mustRefuse):F3} |"));
            }
    }
}
