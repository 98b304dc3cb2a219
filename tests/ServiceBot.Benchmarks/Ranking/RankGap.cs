using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using ServiceBot.Answers;
using ServiceBot.Benchmarks.Answers;
using ServiceBot.Benchmarks.Retrieval;
using ServiceBot.Conversation;
using ServiceBot.Knowledge;
using ServiceBot.Retrieval.Ranking;
using ServiceBot.Server.Chat;

namespace ServiceBot.Benchmarks.Ranking;

/// <summary>
/// <c>rank-gap</c>: where the knowledge ranker's ordering and the reply's top-3 citations part. Every answerable item of a
/// lay-question set goes through the engine with the ranker on; the question the answerer received is ranked again as
/// <c>train-knowledge-ranker</c> ranks it (the composer's pool, the shipped model's scores), and every item whose ranked top 3
/// holds an expected clause but whose reply does not is put down to the first cause that explains it.
/// </summary>
public static class RankGap
{
    public const string Usage = """
        usage: rank-gap [--set FILE] [--list]
          --set FILE   the lay-question set (default: tests/datasets/lay-questions/dev.jsonl)
          --list       also print each lost item with its cause
        """;

    private const int Top = 3;

    /// <summary>Causes in the order they are tested; the first that applies is the item's.</summary>
    private static readonly string[] Causes =
    [
        "form opened, or no knowledge answer (not in the ranker's items)",
        "ranker's top 3 holds no expected clause, nor does the reply (not a gap)",
        "hit",
        "follow-up rewritten differently with the ranker on",
        "curated answer served",
        "refused by the hard rule (no covering clause, another field, a figure not stated)",
        "refused by the refusal model (or, without one, the coverage thresholds)",
        "task question: the guide section led instead of the ranker's choice",
        "lead skipped the ranker's expected clause (answers-on-its-own filter)",
        "expected clause below the citation floor (coverage < lead × ratio, or not grounded)",
        "lead taken from past the ranker's top 3 pushed it out",
        "other",
        "ranker's top 3 holds no expected clause, the reply does (its lead: a task's guide section, or a clause from past the top 3)",
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        string? setPath = null;
        var list = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--set" when i + 1 < args.Length: setPath = args[++i]; break;
                case "--list": list = true; break;
                default:
                    Console.Error.WriteLine($"unknown option \"{args[i]}\"\n{Usage}");
                    return 2;
            }
        }
        var questions = LayQuestionSet.Load(Path.GetFullPath(setPath ?? LayRankingData.DefaultSet())).Where(q => q.Answerable).ToList();
        var withoutRanker = await AskedQuestionsAsync(questions.Where(q => q.History.Count > 0).ToList(), useRanker: false);

        (string Question, Answer Answer, string? Task)? seen = null;
        await using var harness = await ChatHarness.CreateAsync(LayRankingData.KnowledgeFolders(), services: services =>
            services.AddSingleton<IKnowledgeAnswerer>(sp => new TracingAnswerer(
                new ExtractiveKnowledgeAnswerer(sp.GetRequiredService<KnowledgeBaseProvider>(), sp.GetRequiredService<ExtractiveAnswerComposer>()),
                (question, answer, task) => seen = (question, answer, task))));
        var knowledge = await harness.Knowledge.GetAsync();
        var options = new AnswerOptions();
        var composer = new ExtractiveAnswerComposer(Microsoft.Extensions.Options.Options.Create(options), refusalModel: null,
            new KnowledgeRankingOptions { UseKnowledgeRanker = false });
        var model = KnowledgeRanker.FromOptions(new KnowledgeRankingOptions())
                    ?? throw new InvalidOperationException($"no shipped {KnowledgeRanker.RelativePath} beside the benchmarks");

        var counts = new int[Causes.Length];
        var lost = new StringBuilder();
        using (var progress = new ConsoleProgress("running the items with the ranker on", questions.Count))
        {
            var done = 0;
            foreach (var question in questions)
            {
                seen = null;
                var replies = await harness.ConverseAsync("gap-" + question.Id, [.. question.History, question.Query]);
                var reply = replies[^1].Reply;
                progress.Report(++done);
                var cited = reply.Citations.Take(Top).Select(c => (c.Source, c.Section)).ToList();
                var cause = Classify(question, reply.Task is { State: not "cancelled" }, cited, seen, withoutRanker, knowledge, composer, model, options);
                counts[cause]++;
                if (list && cause is > 2 and < 12)
                    lost.Append(CultureInfo.InvariantCulture, $"| {question.Id} | {question.Style} | {Causes[cause]} | {string.Join(" / ", cited.Select(c => c.Section))} |\n");
            }
        }

        var report = new StringBuilder();
        var reached = questions.Count - counts[0];
        var rankerHits = reached - counts[1] - counts[12];
        report.Append(CultureInfo.InvariantCulture,
                $"## Ranker's top 3 vs the reply's top-3 citations: {questions.Count} answerable items, {reached} reach the answerer, " +
                $"the ranker's top 3 (in sample, the question the answerer received) holds an expected clause for {rankerHits} " +
                $"({rankerHits / (double)Math.Max(1, reached):F3} of those reaching it), the reply hits for {counts[2] + counts[12]} ({(counts[2] + counts[12]) / (double)Math.Max(1, questions.Count):F3} of all)\n\n")
            .Append("| cause | items | share of answerable |\n|---|---:|---:|\n");
        for (var c = 0; c < Causes.Length; c++)
            report.Append(CultureInfo.InvariantCulture, $"| {Causes[c]} | {counts[c]} | {counts[c] / (double)Math.Max(1, questions.Count):F3} |\n");
        if (list) report.Append("\n| item | style | cause | cited |\n|---|---|---|---|\n").Append(lost);
        Console.Write(report.ToString());
        return 0;
    }

    private static int Classify(LayQuestion question, bool formOpened, IReadOnlyList<(string Source, string Section)> cited,
        (string Question, Answer Answer, string? Task)? seen, IReadOnlyDictionary<string, string?> withoutRanker, KnowledgeBase knowledge,
        ExtractiveAnswerComposer composer, TreeEnsemble model, AnswerOptions options)
    {
        if (seen is not { } asked) return 0;
        var candidates = composer.RankingCandidates(knowledge, asked.Question);
        var scores = candidates.Select(c => model.Score(c.Features)).ToArray();
        var ranked = Enumerable.Range(0, candidates.Count).OrderByDescending(i => scores[i]).ThenBy(i => i).Select(i => candidates[i].Candidate).ToList();
        bool Expected(GroundedCandidate c) => question.Hits([(c.Retrieved.Chunk.Title, c.Retrieved.Chunk.Section)]);
        var top = ranked.Take(Top).ToList();
        var hit = !formOpened && question.Hits(cited);
        if (!top.Any(Expected)) return hit ? 12 : 1;
        if (hit) return 2;
        if (withoutRanker.TryGetValue(question.Id, out var before) && before != asked.Question) return 3;
        if (asked.Answer.Curated) return 4;
        if (asked.Answer.Citations.Count == 0) return asked.Answer.Decision is { IsHardRefusal: false } ? 6 : 5;
        var leadCitation = asked.Answer.Citations[0];
        var lead = ranked.FindIndex(c => c.Retrieved.Chunk.Title == leadCitation.Source && c.Retrieved.Chunk.Section == leadCitation.Section);
        if (asked.Task is not null && (lead < 0 || !Expected(ranked[lead])) && ranked.FindIndex(Expected) < lead) return 7;
        var firstExpected = top.FindIndex(Expected);
        if (lead > firstExpected) return 8;
        if (lead >= 0)
        {
            var floor = ranked[lead].Coverage * options.CitationCoverageRatio;
            if (top.Where(Expected).All(c => c.Coverage < floor || !composer.IsGrounded(c.Coverage, questionInDomain: true))) return 9;
        }
        if (lead >= Top) return 10;
        return 11;
    }

    /// <summary>The question each item's final turn hands to the answerer, by item id (null when none).</summary>
    private static async Task<Dictionary<string, string?>> AskedQuestionsAsync(IReadOnlyList<LayQuestion> questions, bool useRanker)
    {
        string? asked = null;
        var overrides = new Dictionary<string, string?>
        {
            [$"{KnowledgeRankingOptions.SectionName}:{nameof(KnowledgeRankingOptions.UseKnowledgeRanker)}"] = useRanker ? "true" : "false",
        };
        await using var harness = await ChatHarness.CreateAsync(LayRankingData.KnowledgeFolders(), overrides, services: services =>
            services.AddSingleton<IKnowledgeAnswerer>(sp => new ObservingAnswerer(
                new ExtractiveKnowledgeAnswerer(sp.GetRequiredService<KnowledgeBaseProvider>(), sp.GetRequiredService<ExtractiveAnswerComposer>()),
                (question, _) => asked = question)));
        var result = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var question in questions)
        {
            var user = "gap-before-" + question.Id;
            string? conversation = null;
            if (question.History.Count > 0) conversation = (await harness.ConverseAsync(user, question.History))[^1].Reply.ConversationId;
            asked = null;
            await harness.Engine.HandleAsync(new IncomingMessage(user, ChatApi.Channel, conversation, $"{user}-final", question.Query), CancellationToken.None);
            result[question.Id] = asked;
        }
        return result;
    }

    /// <summary>The engine's answerer, reporting each answer with its question and, for a task question, the task.</summary>
    private sealed class TracingAnswerer(IKnowledgeAnswerer inner, Action<string, Answer, string?> observe) : IKnowledgeAnswerer
    {
        public async Task<Answer> AnswerAsync(string question, CancellationToken cancellationToken)
            => Observed(question, await inner.AnswerAsync(question, cancellationToken), null);

        public async Task<Answer> AnswerTaskQuestionAsync(string question, string task, CancellationToken cancellationToken)
            => Observed(question, await inner.AnswerTaskQuestionAsync(question, task, cancellationToken), task);

        private Answer Observed(string question, Answer answer, string? task)
        {
            observe(question, answer, task);
            return answer;
        }
    }
}
