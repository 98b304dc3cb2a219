using System.Globalization;
using ServiceBot.Answers;
using ServiceBot.Answers.Refusal;
using ServiceBot.Benchmarks.Retrieval;

namespace ServiceBot.Benchmarks.Answers;

/// <summary>
/// <c>refusal</c>: the refusal decision swept over its thresholds on the lay-question dev set. Each setting runs the whole
/// set through the conversation engine (as <c>seedqa</c> does, one index shared by all settings) and reports the two
/// figures the operating point is chosen from: the share of answerable questions refused, and the share of must-refuse
/// questions answered, beside answerable hit@3 and must-refuse refused.
/// </summary>
public static class RefusalSweep
{
    private const int Top = 3;

    private sealed record Setting(double MinCoverage, double MinDomainCoverage, double MinQuestionMatch, double MinGuideCoverage, double MinContentCoverage,
        double MinAnswerProbability)
    {
        public IReadOnlyDictionary<string, string?> Overrides => new Dictionary<string, string?>
        {
            [$"{AnswerOptions.SectionName}:{nameof(AnswerOptions.MinAnswerProbability)}"] = Format(MinAnswerProbability),
            [$"{AnswerOptions.SectionName}:{nameof(AnswerOptions.MinCoverage)}"] = Format(MinCoverage),
            [$"{AnswerOptions.SectionName}:{nameof(AnswerOptions.MinDomainCoverage)}"] = Format(MinDomainCoverage),
            [$"{AnswerOptions.SectionName}:{nameof(AnswerOptions.MinQuestionMatch)}"] = Format(MinQuestionMatch),
            [$"{AnswerOptions.SectionName}:{nameof(AnswerOptions.MinGuideCoverage)}"] = Format(MinGuideCoverage),
            [$"{AnswerOptions.SectionName}:{nameof(AnswerOptions.MinContentCoverage)}"] = Format(MinContentCoverage),
        };
    }

    public static async Task<int> RunAsync(string[] args)
    {
        var root = RepositoryPaths.FindRoot();
        var shared = Path.GetFullPath(Path.Combine(root, "..", "shared"));
        var knowledge = new[] { Path.Combine(root, "knowledge"), Path.Combine(shared, "knowledge-corpus", "laws") };
        // refusal [FILE] [--vary OPTION]: one threshold's sweep alone (e.g. --vary MinContentCoverage) instead of all of them.
        var vary = args.SkipWhile(a => a != "--vary").Skip(1).FirstOrDefault();
        var files = args.TakeWhile(a => a != "--vary").ToList();
        var path = files.Count > 0 ? Path.GetFullPath(files[0]) : Path.Combine(root, "tests", "datasets", "lay-questions", "dev.jsonl");
        if (!File.Exists(path) || knowledge.Any(f => !Directory.Exists(f)))
        {
            Console.Error.WriteLine($"error: {path} or a knowledge folder ({string.Join(", ", knowledge)}) not found");
            return 2;
        }
        var questions = LayQuestionSet.Load(path);
        var defaults = new AnswerOptions();
        // The refusal model's own threshold is the default; 0 lets the rule alone decide.
        var modelThreshold = RefusalModel.FromOptions(defaults)?.Threshold ?? 0;
        var operating = new Setting(defaults.MinCoverage, defaults.MinDomainCoverage, defaults.MinQuestionMatch, defaults.MinGuideCoverage,
            defaults.MinContentCoverage, modelThreshold);

        // One threshold at a time around the defaults.
        var sweeps = new Dictionary<string, IEnumerable<Setting>>(StringComparer.OrdinalIgnoreCase)
        {
            [nameof(AnswerOptions.MinDomainCoverage)] = new[] { 0.0, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5 }.Select(v => operating with { MinDomainCoverage = v }),
            [nameof(AnswerOptions.MinCoverage)] = new[] { 0.4, 0.5, 0.7, 0.8, 1.0 }.Select(v => operating with { MinCoverage = v }),
            [nameof(AnswerOptions.MinQuestionMatch)] = new[] { 0.5, 0.55, 0.6, 0.65, 0.7, 0.8, 0.9, 1.0 }.Select(v => operating with { MinQuestionMatch = v }),
            [nameof(AnswerOptions.MinGuideCoverage)] = new[] { 0.0, 0.3, 0.4, 0.5, 0.6 }.Select(v => operating with { MinGuideCoverage = v }),
            [nameof(AnswerOptions.MinContentCoverage)] = new[] { 0.0, 0.1, 0.15, 0.2, 0.25, 0.35, 0.5 }.Select(v => operating with { MinContentCoverage = v }),
            [nameof(AnswerOptions.MinAnswerProbability)] = new[] { 0.0, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5 }.Append(modelThreshold).Distinct().Order()
                .Select(v => operating with { MinAnswerProbability = v }),
        };
        if (vary is not null && !sweeps.ContainsKey(vary))
        {
            Console.Error.WriteLine($"error: --vary accepts {string.Join(", ", sweeps.Keys)}; got \"{vary}\"");
            return 2;
        }
        var settings = sweeps.Where(s => vary is null || s.Key.Equals(vary, StringComparison.OrdinalIgnoreCase))
            .SelectMany(s => s.Value).Distinct().ToList();

        var index = Path.Combine(Path.GetTempPath(), "servicebot-refusal-" + Guid.NewGuid().ToString("N"));
        try
        {
            Console.WriteLine($"## Refusal sweep ({Path.GetRelativePath(root, path)}): {questions.Count(q => q.Answerable)} answerable, "
                              + $"{questions.Count(q => !q.Answerable)} must-refuse");
            Console.WriteLine();
            Console.WriteLine("| MinCoverage | MinDomainCoverage | MinQuestionMatch | MinGuideCoverage | MinContentCoverage | MinAnswerProbability | answerable hit@3 | answerable refused | must-refuse refused | must-refuse answered |");
            Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var setting in settings)
            {
                await using var harness = await ChatHarness.CreateAsync(knowledge, setting.Overrides, index);
                var (hit, refused, mustRefuseRefused) = await ScoreAsync(harness, questions);
                var mark = setting == operating ? " **(default)**" : "";
                Console.WriteLine($"| {Format(setting.MinCoverage)} | {Format(setting.MinDomainCoverage)} | {Format(setting.MinQuestionMatch)} | "
                                  + $"{Format(setting.MinGuideCoverage)} | {Format(setting.MinContentCoverage)} | {Format(setting.MinAnswerProbability)} | {hit:F3}{mark} | {refused:F3} | {mustRefuseRefused:F3} | {1 - mustRefuseRefused:F3} |");
            }
        }
        finally
        {
            if (Directory.Exists(index)) Directory.Delete(index, recursive: true);
        }
        return 0;
    }

    /// <summary>As <c>seedqa</c> scores: a hit is an expected clause in the top-3 citations of a reply that opened no form.</summary>
    private static async Task<(double Hit, double Refused, double MustRefuseRefused)> ScoreAsync(ChatHarness harness, IReadOnlyList<LayQuestion> questions)
    {
        int answerable = 0, hits = 0, refused = 0, mustRefuse = 0, mustRefuseRefused = 0;
        foreach (var question in questions)
        {
            var reply = (await harness.ConverseAsync("sweep-" + question.Id, [.. question.History, question.Query]))[^1].Reply;
            var form = reply.Task is { State: not "cancelled" };
            var isRefusal = reply.Citations.Count == 0 && !form;
            if (question.Answerable)
            {
                answerable++;
                if (!form && question.Hits(reply.Citations.Take(Top).Select(c => (c.Source, c.Section)))) hits++;
                if (isRefusal) refused++;
            }
            else
            {
                mustRefuse++;
                if (isRefusal) mustRefuseRefused++;
            }
        }
        return ((double)hits / answerable, (double)refused / answerable, (double)mustRefuseRefused / mustRefuse);
    }

    private static string Format(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
