using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Options;
using ServiceBot.Answers;
using ServiceBot.Benchmarks.Retrieval;
using ServiceBot.Hosting;
using ServiceBot.Ingestion;
using ServiceBot.Knowledge;
using ServiceBot.Retrieval;

namespace ServiceBot.Benchmarks.Answers;

/// <summary>
/// Hit@3 on the seed questions: does a top-3 clause contain one of the expected phrases? ServiceBot's
/// retrieval and its cited answers run beside Lucene.Net over the very same clauses; unanswerable
/// questions count as correct when the answer is not grounded.
/// </summary>
public static class SeedPhraseBenchmark
{
    private sealed record SeedQuestion(string Id, string Query, string[] Expect, bool Answerable);

    public static async Task<int> RunAsync(string questionsPath, IReadOnlyList<string> knowledge)
    {
        var questions = File.ReadLines(questionsPath).Where(l => l.Trim().Length > 0)
            .Select(l => JsonSerializer.Deserialize<SeedQuestion>(l, new JsonSerializerOptions(JsonSerializerDefaults.Web))!)
            .ToList();

        var indexFolder = Path.Combine(Path.GetTempPath(), "servicebot-seedqa-" + Guid.NewGuid().ToString("N"));
        try
        {
            var clock = Stopwatch.StartNew();
            var pipeline = new IngestionPipeline(Options.Create(new KnowledgeOptions()), Options.Create(new IndexOptions()));
            await pipeline.RunAsync(knowledge, indexFolder);
            var knowledgeBase = KnowledgeBase.Load(indexFolder);
            var serviceBotBuild = clock.Elapsed.TotalSeconds;

            clock.Restart();
            var documents = knowledgeBase.Chunks.Select(c => new IndexDocument(c.Id, c.Title, c.Section, c.Text)).ToList();
            using var lucene = LuceneRetriever.Build(documents);
            var luceneBuild = clock.Elapsed.TotalSeconds;

            var composer = new ExtractiveAnswerComposer();
            int answerable = 0, retrievalHits = 0, answerHits = 0, luceneHits = 0, refusals = 0, refusalsCorrect = 0;
            foreach (var question in questions)
            {
                var answer = composer.Compose(knowledgeBase, question.Query);
                if (!question.Answerable)
                {
                    refusals++;
                    if (!answer.Grounded && answer.Citations.Count == 0) refusalsCorrect++;
                    continue;
                }
                answerable++;
                if (knowledgeBase.Search(question.Query, 3).Any(r => Contains(r.Chunk.Text, question.Expect))) retrievalHits++;
                if (answer.Citations.Take(3).Any(c => Contains(c.Text, question.Expect))) answerHits++;
                if (lucene.Search(question.Query, 3).Any(h => Contains(knowledgeBase.Find(h.Id)!.Text, question.Expect))) luceneHits++;
            }

            Console.WriteLine($"## Seed questions: {answerable} answerable, {refusals} out of scope; {documents.Count} clauses");
            Console.WriteLine();
            Console.WriteLine("| metric | ServiceBot | Lucene.Net | ratio |");
            Console.WriteLine("|---|---:|---:|---:|");
            Console.WriteLine(Row("retrieval hit@3", Rate(retrievalHits, answerable), Rate(luceneHits, answerable)));
            Console.WriteLine($"| cited answer hit@3 | {Rate(answerHits, answerable):F2} | | |");
            Console.WriteLine($"| out-of-scope refused | {refusalsCorrect}/{refusals} | | |");
            Console.WriteLine(Row("index build (s)", serviceBotBuild, luceneBuild));
            return 0;
        }
        finally
        {
            if (Directory.Exists(indexFolder)) Directory.Delete(indexFolder, recursive: true);
        }
    }

    private static bool Contains(string text, IEnumerable<string> phrases) => phrases.Any(p => text.Contains(p, StringComparison.Ordinal));

    private static double Rate(int hits, int total) => total == 0 ? 0 : (double)hits / total;

    private static string Row(string metric, double serviceBot, double lucene)
        => $"| {metric} | {serviceBot:F2} | {lucene:F2} | {(lucene == 0 ? "–" : (serviceBot / lucene).ToString("F2"))} |";
}
