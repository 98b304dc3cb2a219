using System.Globalization;
using ServiceBot.Benchmarks.Answers;
using ServiceBot.Benchmarks.Retrieval;
using ServiceBot.Conversation;
using ServiceBot.Hosting;
using ServiceBot.Ingestion;
using ServiceBot.Knowledge;
using ServiceBot.Knowledge.Dictionary;

namespace ServiceBot.Benchmarks.Mining;

/// <summary>
/// <c>mine-lay-terms</c>: learns lay → policy expansions from how people ask (dev questions and every 相似问法) against
/// the clauses that answer them (<see cref="LayTermMiner"/>), and measures them by cross-validation over the dev items:
/// mined on the other folds, scored on the held-out fold, beside the same fold without any mined table. The 相似问法-only
/// table cannot leak a dev item at all. With --out it writes the table mined from the chosen source over everything.
/// </summary>
public static class MineLayTerms
{
    public const string Usage = "usage: ServiceBot.Benchmarks mine-lay-terms [--folds N (default 5, 0 = no evaluation)] [--source similar|dev] "
                                + "[--weight X (Index:MinedLayTermWeight, default 0.3)] [--min-support N] [--min-targets N] [--min-confidence X] [--out FILE]";

    private const int Top = 3;
    private const int Deep = 10;

    private sealed record Options(int Folds, string Source, double Weight, int MinSupport, int MinTargets, double MinConfidence, string? Out)
    {
        public LayTermMinerOptions Miner => new() { MinSupport = MinSupport, MinTargets = MinTargets, MinConfidence = MinConfidence };
    }

    private sealed record Outcome(LayQuestion Question, bool RetrievalHit, bool RetrievalHitDeep, bool Hit, bool Refused);

    public static async Task<int> RunAsync(string[] args)
    {
        Options options;
        try
        {
            options = Parse(args);
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine($"error: {ex.Message}\n{Usage}");
            return 2;
        }
        var root = RepositoryPaths.FindRoot();
        var laws = Path.GetFullPath(Path.Combine(root, "..", "shared", "knowledge-corpus", "laws"));
        var knowledge = Path.Combine(root, "knowledge");
        var devPath = Path.Combine(root, "tests", "datasets", "lay-questions", "dev.jsonl");
        foreach (var missing in new[] { knowledge, laws }.Where(f => !Directory.Exists(f)))
        {
            Console.Error.WriteLine($"error: knowledge folder {missing} not found");
            return 2;
        }
        var questions = LayQuestionSet.Load(devPath);

        // A private copy of knowledge/ whose mined table each run replaces; the committed one never enters an evaluation.
        var work = Path.Combine(Path.GetTempPath(), "servicebot-mine-" + Guid.NewGuid().ToString("N"));
        var copy = Path.Combine(work, "knowledge");
        CopyFolder(knowledge, copy);
        var minedPath = Path.Combine(copy, KnowledgeSources.DictionaryFolder, DomainDictionary.MinedLayTermsFileName);
        File.Delete(minedPath);
        try
        {
            var folders = new[] { copy, laws };
            var overrides = new Dictionary<string, string?>
            {
                [$"{IndexOptions.SectionName}:{nameof(IndexOptions.MinedLayTermWeight)}"] = options.Weight.ToString("R", CultureInfo.InvariantCulture),
            };
            await using var baseline = await ChatHarness.CreateAsync(folders, overrides);
            var corpus = MiningCorpus.Build(await baseline.Knowledge.GetAsync(), questions);
            Console.WriteLine($"## mine-lay-terms: {corpus.Similar.Count} 相似问法 pairs, {corpus.Dev.Count} answerable dev pairs, {corpus.ClauseCount} clauses; "
                              + $"mined weight {options.Weight.ToString("R", CultureInfo.InvariantCulture)}, min support {options.MinSupport}, min clause sets {options.MinTargets}, "
                              + $"min confidence {options.MinConfidence.ToString("R", CultureInfo.InvariantCulture)}");

            if (options.Folds > 0)
            {
                var fold = questions.Select((q, i) => (q.Id, Fold: i % options.Folds)).ToDictionary(p => p.Id, p => p.Fold, StringComparer.Ordinal);
                var without = await EvaluateAsync(baseline, questions);

                // 相似问法 only: one table for every fold.
                var similarTable = LayTermMiner.Mine(corpus.Similar, corpus.ClauseCount, corpus.ClauseFrequency, options.Miner);
                await File.WriteAllTextAsync(minedPath, LayTermMiner.Format(similarTable, []));
                List<Outcome> similar;
                await using (var harness = await ChatHarness.CreateAsync(folders, overrides))
                    similar = await EvaluateAsync(harness, questions);

                // 相似问法 plus the dev items of the other folds.
                var crossed = new List<Outcome>();
                var tableSizes = new List<int>();
                for (var k = 0; k < options.Folds; k++)
                {
                    var training = corpus.Similar.Concat(corpus.Dev.Where(d => fold[d.Id] != k).Select(d => d.Pair)).ToList();
                    var table = LayTermMiner.Mine(training, corpus.ClauseCount, corpus.ClauseFrequency, options.Miner);
                    tableSizes.Add(table.Select(a => a.LayWord).Distinct().Count());
                    await File.WriteAllTextAsync(minedPath, LayTermMiner.Format(table, []));
                    await using var harness = await ChatHarness.CreateAsync(folders, overrides);
                    crossed.AddRange(await EvaluateAsync(harness, questions.Where(q => fold[q.Id] == k).ToList()));
                }
                File.Delete(minedPath);

                Console.WriteLine($"\n相似问法-only table: {similarTable.Select(a => a.LayWord).Distinct().Count()} lay words, {similarTable.Count} pairs; "
                                  + $"相似问法 + other-fold dev tables: {string.Join(", ", tableSizes)} lay words");
                Console.WriteLine("\n| fold | table | answerable | retrieval hit@3 | retrieval hit@10 | end-to-end hit@3 | answerable refused | must-refuse | must-refuse refused |");
                Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|");
                for (var k = 0; k <= options.Folds; k++)
                {
                    var label = k == options.Folds ? "all" : (k + 1).ToString(CultureInfo.InvariantCulture);
                    bool InFold(Outcome o) => k == options.Folds || fold[o.Question.Id] == k;
                    Row(label, "none", without.Where(InFold).ToList());
                    Row(label, "相似问法 only", similar.Where(InFold).ToList());
                    Row(label, "相似问法 + dev (other folds)", crossed.Where(InFold).ToList());
                }
                Console.WriteLine("\nRetrieval: the query alone through the knowledge base's search (no history, no refusal). End to end: a fresh "
                                  + "conversation through the engine per item, history then query, hit = an expected clause among the top-3 citations.");
            }

            if (options.Out is not null)
            {
                var training = options.Source == "similar" ? corpus.Similar : [.. corpus.Similar, .. corpus.Dev.Select(d => d.Pair)];
                var table = LayTermMiner.Mine(training, corpus.ClauseCount, corpus.ClauseFrequency, options.Miner);
                var header = new[]
                {
                    "Generated file: do not edit. Lay words the clause texts (almost) never use, with the clause words that answer",
                    "the questions holding them, mined by log-likelihood ratio from (question, answering clauses) pairs.",
                    $"Regenerate: dotnet run --project tests/ServiceBot.Benchmarks -c Release -- mine-lay-terms --folds 0 --source {options.Source} "
                    + $"--min-support {options.MinSupport} --min-targets {options.MinTargets} --min-confidence {options.MinConfidence.ToString("R", CultureInfo.InvariantCulture)} --out knowledge/dictionary/{DomainDictionary.MinedLayTermsFileName}",
                    $"Source: {(options.Source == "similar" ? "every 相似问法 (question → its clause)" : "every 相似问法 and the answerable items of tests/datasets/lay-questions/dev.jsonl")}.",
                    "Searched at Index:MinedLayTermWeight (0.3 by default) of a typed word; never used to judge whether a reply is grounded.",
                    "Each entry's comment gives, per policy word, its support (questions holding both / questions holding the lay word) and G².",
                };
                await File.WriteAllTextAsync(options.Out, LayTermMiner.Format(table, header));
                Console.WriteLine($"\n{table.Select(a => a.LayWord).Distinct().Count()} lay words ({table.Count} pairs) written to {options.Out}");
            }
            return 0;
        }
        finally
        {
            try
            {
                Directory.Delete(work, recursive: true);
            }
            catch (IOException)
            {
                // A temp folder left behind is harmless.
            }
        }
    }

    private static async Task<List<Outcome>> EvaluateAsync(ChatHarness harness, IReadOnlyList<LayQuestion> questions)
    {
        var knowledgeBase = await harness.Knowledge.GetAsync();
        var outcomes = new List<Outcome>(questions.Count);
        foreach (var question in questions)
        {
            var retrieved = knowledgeBase.Search(question.Query, Deep).Select(r => (r.Chunk.Title, r.Chunk.Section)).ToList();
            var replies = await harness.ConverseAsync("mine-" + question.Id, [.. question.History, question.Query]);
            var reply = replies[^1].Reply;
            var cited = reply.Citations.Take(Top).Select(c => (c.Source, c.Section)).ToList();
            var form = reply.Task is { State: not "cancelled" };
            outcomes.Add(new Outcome(question, question.Hits(retrieved.Take(Top)), question.Hits(retrieved),
                question.Answerable && !form && question.Hits(cited), cited.Count == 0 && !form));
        }
        return outcomes;
    }

    private static void Row(string fold, string table, IReadOnlyList<Outcome> outcomes)
    {
        var answerable = outcomes.Where(o => o.Question.Answerable).ToList();
        var refusals = outcomes.Where(o => !o.Question.Answerable).ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {fold} | {table} | {answerable.Count} | {Rate(answerable, o => o.RetrievalHit):F3} | {Rate(answerable, o => o.RetrievalHitDeep):F3} | "
            + $"{Rate(answerable, o => o.Hit):F3} | {Rate(answerable, o => o.Refused):F3} | {refusals.Count} | {Rate(refusals, o => o.Refused):F3} |"));
    }

    private static double Rate(IReadOnlyCollection<Outcome> outcomes, Func<Outcome, bool> success)
        => outcomes.Count == 0 ? 0 : (double)outcomes.Count(success) / outcomes.Count;

    private static Options Parse(string[] args)
    {
        var options = new Options(5, "similar", 0.3, new LayTermMinerOptions().MinSupport, new LayTermMinerOptions().MinTargets,
            new LayTermMinerOptions().MinConfidence, null);
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            options = args[i] switch
            {
                "--folds" => options with { Folds = int.TryParse(Value(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is 0 or >= 2 ? n : throw new ArgumentException("--folds must be 0 or at least 2") },
                "--source" => options with { Source = Value() is var s && s is "similar" or "dev" ? s : throw new ArgumentException("--source must be similar or dev") },
                "--weight" => options with { Weight = double.TryParse(Value(), NumberStyles.Float, CultureInfo.InvariantCulture, out var w) && w is > 0 and <= 1 ? w : throw new ArgumentException("--weight must be in (0, 1]") },
                "--min-support" => options with { MinSupport = int.TryParse(Value(), NumberStyles.None, CultureInfo.InvariantCulture, out var m) && m >= 2 ? m : throw new ArgumentException("--min-support must be at least 2") },
                "--min-targets" => options with { MinTargets = int.TryParse(Value(), NumberStyles.None, CultureInfo.InvariantCulture, out var t) && t >= 1 ? t : throw new ArgumentException("--min-targets must be at least 1") },
                "--min-confidence" => options with { MinConfidence = double.TryParse(Value(), NumberStyles.Float, CultureInfo.InvariantCulture, out var c) && c is > 0 and <= 1 ? c : throw new ArgumentException("--min-confidence must be in (0, 1]") },
                "--out" => options with { Out = Path.GetFullPath(Value()) },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }
        return options;
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
