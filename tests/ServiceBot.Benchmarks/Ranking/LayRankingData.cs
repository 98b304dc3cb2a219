using Microsoft.Extensions.Options;
using ServiceBot.Benchmarks.Answers;
using ServiceBot.Benchmarks.Retrieval;
using ServiceBot.Hosting;
using ServiceBot.Ingestion;
using ServiceBot.Knowledge;
using ServiceBot.Retrieval.Evaluation;

namespace ServiceBot.Benchmarks.Ranking;

/// <summary>
/// Ranking examples from a lay-question set over the knowledge the bot answers from (knowledge/ and the laws): each
/// answerable question that stands alone, its first-stage candidates, and which of them the question's labels name.
/// Follow-ups are left out: the engine searches for their rewritten form, not the words typed.
/// </summary>
public static class LayRankingData
{
    public static string DefaultSet() => Path.Combine(RepositoryPaths.FindRoot(), "tests", "datasets", "lay-questions", "dev.jsonl");

    public static IReadOnlyList<string> KnowledgeFolders()
    {
        var root = RepositoryPaths.FindRoot();
        return [Path.Combine(root, "knowledge"), Path.GetFullPath(Path.Combine(root, "..", "shared", "knowledge-corpus", "laws"))];
    }

    public static async Task<(IReadOnlyList<LabelledQuery> Queries, IReadOnlyList<double> Ceilings)> LoadAsync(string setPath, int depth,
        IReadOnlyList<int> ceilingDepths)
    {
        var folder = Path.Combine(Path.GetTempPath(), "servicebot-lay-ranker-" + Guid.NewGuid().ToString("N"));
        try
        {
            await new IngestionPipeline(Options.Create(new KnowledgeOptions { Paths = [.. KnowledgeFolders()] }),
                Options.Create(new IndexOptions { Path = folder })).RunAsync();
            var knowledge = KnowledgeBase.Load(folder);
            var questions = LayQuestionSet.Load(setPath).Where(q => q.Answerable && q.History.Count == 0).ToList();
            var labelled = new List<LabelledQuery>(questions.Count);
            var ceilings = new double[ceilingDepths.Count];
            foreach (var question in questions)
            {
                var relevant = knowledge.Chunks
                    .Where(c => question.Expect.Any(e => e.Source == c.Title && e.Section == c.Section))
                    .Select(c => c.Id)
                    .ToHashSet(StringComparer.Ordinal);
                var candidates = knowledge.Lexical.RankingCandidates(question.Query, Math.Max(depth, ceilingDepths[^1]));
                var ranked = candidates.Select(c => c.Id).ToList();
                for (var k = 0; k < ceilingDepths.Count; k++)
                    ceilings[k] += RetrievalMetrics.RecallAt(ranked, relevant, ceilingDepths[k]);
                var kept = candidates.Take(depth).ToList();
                labelled.Add(new LabelledQuery(question.Id, kept.Select(c => c.Id).ToList(), kept.Select(c => c.Features).ToList(),
                    kept.Select(c => relevant.Contains(c.Id)).ToList(), [.. relevant]));
            }
            return (labelled, ceilings.Select(c => c / Math.Max(1, questions.Count)).ToList());
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }
}
