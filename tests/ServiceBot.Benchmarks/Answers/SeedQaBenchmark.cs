using ServiceBot.Benchmarks.Retrieval;

namespace ServiceBot.Benchmarks.Answers;

/// <summary>
/// <c>seedqa</c>: the lay-question sets through the conversation engine beside Lucene.Net
/// (<see cref="LayQuestionBenchmark"/>), or the 12 phrase-judged seed questions (<see cref="SeedPhraseBenchmark"/>).
/// </summary>
public static class SeedQaBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        SeedQaOptions options;
        try
        {
            options = SeedQaOptions.Parse(args);
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine($"error: {ex.Message}\n{SeedQaOptions.Usage}");
            return 2;
        }

        var root = RepositoryPaths.FindRoot();
        var shared = Path.GetFullPath(Path.Combine(root, "..", "shared"));
        var knowledge = options.WithoutLaws
            ? new[] { Path.Combine(root, "knowledge") }
            : new[] { Path.Combine(root, "knowledge"), Path.Combine(shared, "knowledge-corpus", "laws") };
        foreach (var folder in knowledge.Where(f => !Directory.Exists(f)))
        {
            Console.Error.WriteLine($"error: knowledge folder {folder} not found");
            return 2;
        }

        if (options is { Set: "seed", File: null })
        {
            var seed = Path.Combine(shared, "datasets", "seed-qa", "dev.jsonl");
            if (File.Exists(seed)) return await SeedPhraseBenchmark.RunAsync(seed, knowledge);
            Console.Error.WriteLine($"error: seed questions {seed} not found");
            return 2;
        }

        var path = options.QuestionsPath(root);
        if (!File.Exists(path))
        {
            Console.Error.WriteLine(options is { Set: "heldout", File: null }
                ? $"error: {path} does not exist yet; the held-out set is written separately"
                : $"error: {path} not found");
            return 2;
        }
        IReadOnlyList<LayQuestion> questions;
        try
        {
            questions = LayQuestionSet.Load(path);
        }
        catch (InvalidDataException ex)
        {
            Console.Error.WriteLine($"error: {ex.Message}");
            return 2;
        }
        if (questions.Count == 0)
        {
            Console.Error.WriteLine($"error: {path} holds no questions");
            return 2;
        }
        var label = path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? Path.GetRelativePath(root, path) : path;
        return await LayQuestionBenchmark.RunAsync(questions, label, knowledge, options.MissesPath, options.UseKnowledgeRanker, options.UseAnnotatedQuestions,
            absentAnswersMustRefuse: options.WithoutLaws, withholdFolds: options.WithholdFolds);
    }
}
