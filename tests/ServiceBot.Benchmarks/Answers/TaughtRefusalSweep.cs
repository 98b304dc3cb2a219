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
        // DEV_MISSES, then any number of "--unseen FILE MISSES" triples; every file must exist.
        var wellFormed = args.Length % 3 == 1 && Enumerable.Range(0, args.Length / 3).All(k => args[1 + 3 * k] == "--unseen");
        var files = wellFormed ? args.Where(a => a != "--unseen").Select(Path.GetFullPath).ToList() : [];
        if (!wellFormed)
        {
            Console.Error.WriteLine($"usage: {Usage}");
            return 2;
        }
        if (files.FirstOrDefault(f => !File.Exists(f)) is { } missing)
        {
            Console.Error.WriteLine($"error: {missing} not found\nusage: {Usage}");
            return 2;
        }
        var root = RepositoryPaths.FindRoot();
        IReadOnlyList<LayQuestion> dev;
        Dictionary<string, bool> devMisses;
        var unseen = new List<(IReadOnlyList<LayQuestion> Questions, Dictionary<string, bool> Misses, string Name)>();
        try
        {
            dev = LayQuestionSet.Load(Path.Combine(root, "tests", "datasets", "lay-questions", "dev.jsonl"));
            devMisses = ReadMisses(files[0]);
            for (var k = 1; k + 1 < files.Count; k += 2) unseen.Add((LayQuestionSet.Load(files[k]), ReadMisses(files[k + 1]), Path.GetFileName(files[k + 1])));
        }
        catch (InvalidDataException error)
        {
            Console.Error.WriteLine($"error: {error.Message}");
            return 2;
        }

        string? asked = null;
        await using var harness = await ChatHarness.CreateAsync(LayRankingData.KnowledgeFolders(), new Dictionary<string, string?>
        {
            [$"{KnowledgeRankingOptions.SectionName}:{nameof(KnowledgeRankingOptions.UseAnnotatedQuestions)}"] = "false",
        }, services: services => services.AddSingleton<IKnowledgeAnswerer>(sp => new ObservingAnswerer(
            new ExtractiveKnowledgeAnswerer(sp.GetRequiredService<KnowledgeBaseProvider>(), sp.GetRequiredService<ExtractiveAnswerComposer>()),
            (question, _) => asked = question)));
        var knowledge = await harness.Knowledge.GetAsync();

        async Task<List<Item>> RunAll(IReadOnlyList<LayQuestion> questions, Dictionary<string, bool> misses, string label)
        {
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

        var devItems = await RunAll(dev, devMisses, "dev");
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
        foreach (var (questions, misses, name) in unseen)
        {
            var items = await RunAll(questions, misses, "unseen" + ++n);
            Report($"{name}, against the whole development set", items,
                items.Where(i => i.Asked is not null).ToDictionary(i => i.Question.Id, i => Nearest(allAnswered, allRefusals, i.Asked!), StringComparer.Ordinal));
        }
        return 0;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    /// <summary>A <c>seedqa --misses</c> file: each failed item's id and whether it was refused.</summary>
    /// <exception cref="InvalidDataException">A line is not a miss as <c>seedqa</c> writes one.</exception>
    private static Dictionary<string, bool> ReadMisses(string path)
    {
        var misses = new Dictionary<string, bool>(StringComparer.Ordinal);
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (line.Length == 0) continue;
            try
            {
                var miss = JsonDocument.Parse(line).RootElement;
                misses[miss.GetProperty("id").GetString()!] = miss.GetProperty("refused").GetBoolean();
            }
            catch (Exception error) when (error is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                throw new InvalidDataException($"{path}:{number}: not a seedqa miss ({error.Message})", error);
            }
        }
        return misses;
    }

    private static (double Answered, double Refused) Nearest(AnnotatedQuestionIndex answered, AnnotatedQuestionIndex refusals, string question)
        => (ExtractiveAnswerComposer.NearestSimilarity(answered.Votes(question)), ExtractiveAnswerComposer.NearestSimilarity(refusals.Votes(question)));

    private static void Report(string label, IReadOnlyList<Item> items, IReadOnlyDictionary<string, (double Answered, double Refused)> nearest)
    {
        var answerable = items.Count(i => i.Question.Answerable);
        var mustRefuse = items.Count - answerable;
        var nearestRefusal = nearest.Values.Select(v => v.Refused).DefaultIfEmpty(0).ToList();
        Console.WriteLine($"\n## {label}: {answerable} answerable ({items.Count(i => i.Hit)} hit), {mustRefuse} must-refuse ({items.Count(i => !i.Question.Answerable && i.Refused)} refused); "
                          + $"{nearest.Count} reach the answerer, nearest taught refusal at median {Median(nearestRefusal):F2}, at most {nearestRefusal.Max():F2}\n");
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
