using System.Diagnostics;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ServiceBot.Answers;
using ServiceBot.Answers.Refusal;
using ServiceBot.Benchmarks.Retrieval;
using ServiceBot.Conversation;
using ServiceBot.Knowledge;
using ServiceBot.Retrieval;
using ServiceBot.Retrieval.Evaluation;
using ServiceBot.Retrieval.Ranking;

namespace ServiceBot.Benchmarks.Answers;

/// <summary>
/// Scores a lay-question set end to end. Each item is a fresh conversation through the engine behind /api/chat:
/// its history first, then the query; the final reply hits when one of its top-3 citations is an expected clause,
/// and is refused when it cites nothing and opened no form. Lucene.Net runs beside it over the same clauses,
/// refusing below a top-score threshold chosen as the best balanced point on the same set.
/// </summary>
public static class LayQuestionBenchmark
{
    private const int Top = 3;

    private static readonly JsonSerializerOptions MissJson = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private sealed record Outcome(
        LayQuestion Question,
        IReadOnlyList<(string Source, string Section)> Cited,
        string? Form,
        string Reply,
        bool RetrievalHit,
        bool LuceneHit,
        float LuceneTopScore,
        string Route,
        string? Asked)
    {
        public bool Refused => Cited.Count == 0 && Form is null;

        /// <summary>A reply that opened a form did not answer the question, whatever it cited.</summary>
        public bool Hit => Question.Answerable && Form is null && Question.Hits(Cited);

        public bool Succeeded => Question.Answerable ? Hit : Refused;
    }

    /// <param name="withholdFolds">
    /// When positive, every item is answered again with its own annotated question withheld (<see cref="WithholdOwnAsync"/>),
    /// and those answers are scored.
    /// </param>
    public static async Task<int> RunAsync(IReadOnlyList<LayQuestion> questions, string label, IReadOnlyList<string> knowledge, string? missesPath,
        bool useKnowledgeRanker = true, bool useAnnotatedQuestions = true, bool absentAnswersMustRefuse = false, int withholdFolds = 0)
    {
        var wall = Stopwatch.StartNew();
        var overrides = new Dictionary<string, string?>
        {
            [$"{KnowledgeRankingOptions.SectionName}:{nameof(KnowledgeRankingOptions.UseKnowledgeRanker)}"] = useKnowledgeRanker ? "true" : "false",
            [$"{KnowledgeRankingOptions.SectionName}:{nameof(KnowledgeRankingOptions.UseAnnotatedQuestions)}"] = useAnnotatedQuestions ? "true" : "false",
        };
        // The knowledge answer the final turn produced, if the engine asked for one, and the question as the answerer received it (the
        // follow-up completed, the long message focused): they say which part of the decision refused or answered, and on what.
        var observed = new ObservedAnswer();
        await using var harness = await HarnessAsync(knowledge, overrides, observed);
        var clock = Stopwatch.StartNew();
        var knowledgeBase = await harness.Knowledge.GetAsync();
        var botBuild = clock.Elapsed.TotalSeconds;
        if (absentAnswersMustRefuse)
        {
            questions = LayQuestionSet.AbsentAnswersMustRefuse(questions, knowledgeBase);
            Console.WriteLine($"Knowledge without the laws: {questions.Count(q => q.Answerable)} answerable, {questions.Count(q => !q.Answerable)} must-refuse (those only a missing clause answers among them).");
        }
        else WarnAboutUnknownLabels(questions, knowledgeBase);
        // One untimed conversation so JIT, classifier training and the SQLite schema stay out of the latencies.
        await harness.ConverseAsync("bench-warmup", ["骑手的休息权有保障吗？"]);

        clock.Restart();
        using var lucene = LuceneRetriever.Build(knowledgeBase.Chunks.Select(c => new IndexDocument(c.Id, c.Title, c.Section, c.Text)));
        var luceneBuild = clock.Elapsed.TotalSeconds;

        var botTurns = new List<double>();
        var luceneSearches = new List<double>();
        var outcomes = new List<Outcome>(questions.Count);
        foreach (var question in questions)
        {
            var replies = await harness.ConverseAsync("bench-" + question.Id, [.. question.History, question.Query], beforeTurn: _ => observed.Clear());
            botTurns.AddRange(replies.Select(r => r.Milliseconds));
            var reply = replies[^1].Reply;
            var cited = reply.Citations.Take(Top).Select(c => (c.Source, c.Section)).ToList();
            var retrieved = knowledgeBase.Search(question.Query, Top).Select(r => (r.Chunk.Title, r.Chunk.Section));

            var started = Stopwatch.GetTimestamp();
            var hits = lucene.Search(question.Query, Top);
            luceneSearches.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            var luceneCited = hits.Select(h => knowledgeBase.Find(h.Id)!).Select(c => (c.Title, c.Section));

            outcomes.Add(new Outcome(question, cited, FormOf(reply), reply.Markdown, question.Hits(retrieved), question.Hits(luceneCited),
                hits.Count == 0 ? 0f : hits[0].Score, RouteOf(observed.Answer, FormOf(reply) is not null), observed.Question));
        }
        if (withholdFolds > 0) outcomes = await WithholdOwnAsync(outcomes, knowledge, overrides, withholdFolds);
        // Time spent in the engine's turns alone, so the retrieval-only probe and Lucene's searches are not charged to it.
        var botSeconds = botTurns.Sum() / 1000;

        var threshold = BalancedThreshold(outcomes);
        Print(outcomes, label, knowledgeBase.Chunks.Count, threshold, botTurns, luceneSearches, botSeconds, botBuild, luceneBuild);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"\nWhole run: {wall.Elapsed.TotalSeconds:F1} s wall clock, both index builds included."));
        return missesPath is null ? 0 : await WriteMissesAsync(outcomes, missesPath);
    }

    /// <summary>The knowledge answer a final turn produced, if the engine asked for one, and the question as the answerer received it.</summary>
    private sealed class ObservedAnswer
    {
        public string? Question { get; set; }

        public Answer? Answer { get; set; }

        public void Clear() => (Question, Answer) = (null, null);
    }

    private static Task<ChatHarness> HarnessAsync(IReadOnlyList<string> knowledge, IReadOnlyDictionary<string, string?> overrides, ObservedAnswer observed)
        => ChatHarness.CreateAsync(knowledge, overrides, services: services => services.AddSingleton<IKnowledgeAnswerer>(sp =>
            new ObservingAnswerer(new ExtractiveKnowledgeAnswerer(sp.GetRequiredService<KnowledgeBaseProvider>(), sp.GetRequiredService<ExtractiveAnswerComposer>()),
                (question, answer) => (observed.Question, observed.Answer) = (question, answer))));

    /// <summary>
    /// Every item answered again without its own annotated question. The shipped annotated questions are the development
    /// set's items, so in-sample an item finds itself among its neighbours; here the items are split into folds by position,
    /// and a fold's items run on a service whose annotated questions lack every line that is one of them (written from the
    /// item, whatever wording the code of the day gave it; as the answerer received it in the first run; or as typed). The
    /// ranker's trees still saw the items.
    /// </summary>
    private static async Task<List<Outcome>> WithholdOwnAsync(IReadOnlyList<Outcome> outcomes, IReadOnlyList<string> knowledge,
        IReadOnlyDictionary<string, string?> overrides, int folds)
    {
        var shipped = AnnotatedQuestions.FromOptions(new KnowledgeRankingOptions());
        var folder = Directory.CreateTempSubdirectory("servicebot-withheld-");
        var result = outcomes.ToArray();
        try
        {
            using var progress = new ConsoleProgress("answering each fold without its own annotated questions", outcomes.Count);
            var done = 0;
            for (var fold = 0; fold < folds; fold++)
            {
                var members = Enumerable.Range(0, outcomes.Count).Where(i => i % folds == fold).ToList();
                var own = members.SelectMany(i => new[] { outcomes[i].Asked?.Trim(), outcomes[i].Question.Query.Trim() }).OfType<string>().ToHashSet(StringComparer.Ordinal);
                var ownIds = members.Select(i => outcomes[i].Question.Id).ToHashSet(StringComparer.Ordinal);
                var path = Path.Combine(folder.FullName, $"annotated-{fold}.jsonl");
                AnnotatedQuestions.Save(path, shipped.Where(line => !own.Contains(line.Question.Trim()) && (line.Id is null || !ownIds.Contains(line.Id))));
                var withheld = new Dictionary<string, string?>(overrides)
                {
                    [$"{KnowledgeRankingOptions.SectionName}:{nameof(KnowledgeRankingOptions.AnnotatedQuestionsPath)}"] = path,
                };
                var observed = new ObservedAnswer();
                await using var harness = await HarnessAsync(knowledge, withheld, observed);
                foreach (var i in members)
                {
                    var question = outcomes[i].Question;
                    var replies = await harness.ConverseAsync("withheld-" + question.Id, [.. question.History, question.Query], beforeTurn: _ => observed.Clear());
                    var reply = replies[^1].Reply;
                    result[i] = outcomes[i] with
                    {
                        Cited = [.. reply.Citations.Take(Top).Select(c => (c.Source, c.Section))],
                        Form = FormOf(reply),
                        Reply = reply.Markdown,
                        Route = RouteOf(observed.Answer, FormOf(reply) is not null),
                        Asked = observed.Question,
                    };
                    progress.Report(++done);
                }
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
        return [.. result];
    }

    /// <summary>A label that names no indexed clause can never hit; say so rather than let it pass as a retrieval miss.</summary>
    private static void WarnAboutUnknownLabels(IReadOnlyList<LayQuestion> questions, KnowledgeBase knowledgeBase)
    {
        var clauses = knowledgeBase.Chunks.Select(c => (c.Title, c.Section)).ToHashSet();
        var unknown = questions
            .SelectMany(q => q.Expect.Where(e => !clauses.Contains((e.Source, e.Section))).Select(e => $"{q.Id} 《{e.Source}》{e.Section}"))
            .ToList();
        if (unknown.Count > 0)
            Console.Error.WriteLine($"warning: {unknown.Count} labels name no indexed clause:\n  " + string.Join("\n  ", unknown));
    }

    private static async Task<int> WriteMissesAsync(IReadOnlyList<Outcome> outcomes, string path)
    {
        var misses = outcomes.Where(o => !o.Succeeded).ToList();
        try
        {
            await File.WriteAllLinesAsync(path, misses.Select(ToMissLine));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"error: cannot write {path}: {ex.Message}");
            return 2;
        }
        Console.WriteLine($"\n{misses.Count} failed items written to {path}");
        return 0;
    }

    /// <summary>
    /// The form a reply put in front of the question: one it opened, or one the history opened that took the message as
    /// a value. A question answered (or refused) mid-form, with the form then picked up again, addressed the question.
    /// </summary>
    private static string? FormOf(Reply reply)
        => reply.Task is { State: not "cancelled" } task && reply.Citations.Count == 0 && !reply.Refused ? task.Name : null;

    /// <summary>
    /// The top-score threshold that maximises the mean of answerable hit@3 (answered and hit) and must-refuse refused;
    /// Lucene answers when its best score reaches the threshold.
    /// </summary>
    private static float BalancedThreshold(IReadOnlyList<Outcome> outcomes)
    {
        var candidates = outcomes.Select(o => o.LuceneTopScore).Append(0f).Append(float.MaxValue).Distinct().Order();
        return candidates.MaxBy(t => Balanced(outcomes, t));
    }

    private static double Balanced(IReadOnlyList<Outcome> outcomes, float threshold)
        => (Rate(outcomes.Where(o => o.Question.Answerable), o => o.LuceneHit && o.LuceneTopScore >= threshold)
            + Rate(outcomes.Where(o => !o.Question.Answerable), o => o.LuceneTopScore < threshold)) / 2;

    private static void Print(IReadOnlyList<Outcome> outcomes, string label, int clauses, float threshold,
        List<double> botTurns, List<double> luceneSearches, double botSeconds, double botBuild, double luceneBuild)
    {
        var answerable = outcomes.Where(o => o.Question.Answerable).ToList();
        var refusals = outcomes.Where(o => !o.Question.Answerable).ToList();
        bool LuceneAnswers(Outcome o) => o.LuceneTopScore >= threshold;
        var bot = LatencySummary.From(botTurns);
        var peer = LatencySummary.From(luceneSearches);

        Console.WriteLine($"## Lay questions ({label}): {answerable.Count} answerable, {refusals.Count} must-refuse, "
                          + $"{botTurns.Count} turns; {clauses} clauses");
        Console.WriteLine();
        Console.WriteLine("| metric | ServiceBot | Lucene.Net | ratio |");
        Console.WriteLine("|---|---:|---:|---:|");
        Row("answerable hit@3", Rate(answerable, o => o.Hit), Rate(answerable, o => o.LuceneHit && LuceneAnswers(o)));
        Row("answerable refused", Rate(answerable, o => o.Refused), Rate(answerable, o => !LuceneAnswers(o)));
        Console.WriteLine($"| answerable that opened a form | {Rate(answerable, o => o.Form is not null):F3} | – | |");
        Row("must-refuse refused", Rate(refusals, o => o.Refused), Rate(refusals, o => !LuceneAnswers(o)));
        Row("must-refuse answered", Rate(refusals, o => !o.Refused), Rate(refusals, LuceneAnswers));
        Row("retrieval hit@3, query alone, no refusal", Rate(answerable, o => o.RetrievalHit), Rate(answerable, o => o.LuceneHit));
        Row("latency p50 per turn (ms)", bot.P50, peer.P50, "F2");
        Row("latency p99 per turn (ms)", bot.P99, peer.P99, "F2");
        Row("total time (s)", botSeconds, luceneSearches.Sum() / 1000, "F2");
        Row("index build (s)", botBuild, luceneBuild, "F1");
        Console.WriteLine();
        Console.WriteLine("ServiceBot: the conversation engine behind /api/chat (offline, SQLite state), a fresh conversation per item, "
                          + "history turns then the query; a hit is an expected clause among the reply's top-3 citations, and a reply "
                          + "that opened a form, or gave the message to a form the history opened, never hits (a question answered mid-form, "
                          + "the form then resumed, is judged by its citations); refused = no citations and no form; latency covers every turn.");
        Console.WriteLine($"Lucene.Net: SmartChineseAnalyzer + BM25 over the same clauses, the query alone (no history); it refuses when "
                          + $"its top score is below {threshold.ToString("F2", CultureInfo.InvariantCulture)}, the threshold with the best "
                          + "balanced accuracy (mean of answerable hit@3 and must-refuse refused) on this same set, so its refusal "
                          + "figures are an upper bound.");

        Routes(outcomes);
        Breakdown("style", outcomes, o => o.Question.Style, LuceneAnswers);
        Breakdown("kind", outcomes, o => o.Question.Kind, LuceneAnswers);
        if (outcomes.Any(o => o.Question.Batch is not null))
            Breakdown("batch", outcomes, o => o.Question.Batch ?? "(first)", LuceneAnswers);
        // Coverage slices hold one question per clause nobody had asked about: the rest is the mix users send.
        if (outcomes.Any(o => o.Question.IsCoverage))
            Breakdown("slices", outcomes, o => o.Question.IsCoverage ? "coverage" : "user-like", LuceneAnswers);
    }

    /// <summary>
    /// Which part of the engine settled the final turn: no knowledge answer at all (a form, small talk or a look-up), the
    /// hard rule, the question's nearest annotated question answered only by absent knowledge, the coverage thresholds alone
    /// (English questions, or no refusal model), the refusal model, or an answer that needed no decision (a curated reply).
    /// </summary>
    private static string RouteOf(Answer? answer, bool form)
    {
        if (form) return "form";
        if (answer is null) return "no knowledge answer asked";
        if (answer.Decision is not { } decision) return answer.Grounded ? "answered without a decision" : "refused before any clause";
        if (decision.IsHardRefusal) return decision.HardRule switch
        {
            HardRule.NoClauseCovers => "hard rule: no clause holds a word of it",
            HardRule.SpecificUnstated => "hard rule: asks what the clause does not state",
            HardRule.AnotherField => "hard rule: another field's words",
            _ => "hard rule",
        };
        if (decision.AbsentKnowledge) return "absent knowledge";
        return decision.Probability is null ? "coverage thresholds" : "refusal model";
    }

    /// <summary>Every route's share of the answerable and must-refuse items, and how each did there.</summary>
    private static void Routes(IReadOnlyList<Outcome> outcomes)
    {
        Console.WriteLine();
        Console.WriteLine("| final turn settled by | answerable | hit@3 | refused | must-refuse | refused |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var group in outcomes.GroupBy(o => o.Route).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            var answerable = group.Where(o => o.Question.Answerable).ToList();
            var refusals = group.Where(o => !o.Question.Answerable).ToList();
            Console.WriteLine($"| {group.Key} | {answerable.Count} | {Cell(answerable, o => o.Hit)} | {Cell(answerable, o => o.Refused)} | "
                              + $"{refusals.Count} | {Cell(refusals, o => o.Refused)} |");
        }
    }

    private static void Breakdown(string name, IReadOnlyList<Outcome> outcomes, Func<Outcome, string> key, Func<Outcome, bool> luceneAnswers)
    {
        Console.WriteLine();
        Console.WriteLine($"| {name} | answerable | ServiceBot hit@3 | Lucene.Net hit@3 | ServiceBot refused | must-refuse | ServiceBot refused | Lucene.Net refused |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var group in outcomes.GroupBy(key).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var answerable = group.Where(o => o.Question.Answerable).ToList();
            var refusals = group.Where(o => !o.Question.Answerable).ToList();
            Console.WriteLine($"| {group.Key} | {answerable.Count} | {Cell(answerable, o => o.Hit)} | "
                              + $"{Cell(answerable, o => o.LuceneHit && luceneAnswers(o))} | {Cell(answerable, o => o.Refused)} | "
                              + $"{refusals.Count} | {Cell(refusals, o => o.Refused)} | {Cell(refusals, o => !luceneAnswers(o))} |");
        }
    }

    private static string ToMissLine(Outcome outcome)
    {
        var question = outcome.Question;
        return JsonSerializer.Serialize(new
        {
            question.Id,
            question.Style,
            question.Kind,
            question.Persona,
            question.History,
            question.Query,
            question.Answerable,
            question.Expect,
            Cited = outcome.Cited.Select(c => new { source = c.Source, section = c.Section }),
            outcome.Refused,
            outcome.Form,
            outcome.Route,
            outcome.Asked,
            Reply = outcome.Reply.Length > 300 ? outcome.Reply[..300] + "…" : outcome.Reply,
        }, MissJson);
    }

    private static double Rate(IEnumerable<Outcome> outcomes, Func<Outcome, bool> success)
    {
        var list = outcomes as IReadOnlyCollection<Outcome> ?? outcomes.ToList();
        return list.Count == 0 ? 0 : (double)list.Count(success) / list.Count;
    }

    private static string Cell(IReadOnlyCollection<Outcome> outcomes, Func<Outcome, bool> success)
        => outcomes.Count == 0 ? "–" : Rate(outcomes, success).ToString("F2", CultureInfo.InvariantCulture);

    private static void Row(string metric, double serviceBot, double lucene, string format = "F3")
        => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {metric} | {serviceBot.ToString(format, CultureInfo.InvariantCulture)} | {lucene.ToString(format, CultureInfo.InvariantCulture)} | "
            + $"{(lucene == 0 ? "–" : (serviceBot / lucene).ToString("F2", CultureInfo.InvariantCulture))} |"));
}
