using System.Diagnostics;
using ServiceBot.Benchmarks.Retrieval;
using ServiceBot.Retrieval;
using ServiceBot.Text;
using ServiceBot.Understanding.Intents;

namespace ServiceBot.Benchmarks.Intents;

/// <summary>
/// Intent accuracy on the held-out utterances (knowledge/intents/*.test), for ServiceBot's classifier
/// and, as the peer, a nearest-example classifier: the label of the best BM25 match among the
/// training utterances.
/// </summary>
public static class IntentBenchmark
{
    public static int Run()
    {
        var folder = Path.Combine(RepositoryPaths.FindRoot(), "knowledge", "intents");
        var training = IntentExampleSet.Load(folder, IntentExampleSet.TrainingExtension);
        var heldOut = IntentExampleSet.Load(folder, IntentExampleSet.HeldOutExtension).All.ToList();
        var analyzer = new ChineseAnalyzer();
        analyzer.Words("加载词典"); // jieba loads its dictionary on first use; keep that out of both timings

        var clock = Stopwatch.StartNew();
        var classifier = IntentClassifier.Train(training, analyzer);
        var trainSeconds = clock.Elapsed.TotalSeconds;
        var examples = training.All.Select((e, i) => (Id: i.ToString(), e.Intent, e.Text)).ToList();
        clock.Restart();
        var nearest = LexicalIndex.Build(examples.Select(e => new IndexDocument(e.Id, e.Intent, "", e.Text)).ToList(), analyzer,
            new ServiceBot.Retrieval.Lexical.LexicalIndexOptions { NeighborWeight = 0, GroupWeight = 0 });
        var peerSeconds = clock.Elapsed.TotalSeconds;

        int correct = 0, peerCorrect = 0;
        var misses = new List<string>();
        // Per language: English lines (no ideograph) are read as words, so each language is reported on its own.
        var byLanguage = new SortedDictionary<string, (int Total, int Correct, int PeerCorrect)>(StringComparer.Ordinal);
        foreach (var (intent, text) in heldOut)
        {
            var predicted = classifier.Classify(text).Intent;
            if (predicted == intent) correct++;
            else misses.Add($"{text} → {predicted}（应为 {intent}）");
            var hit = nearest.Search(text, 1).FirstOrDefault();
            var peerHit = hit is not null && examples[int.Parse(hit.Id)].Intent == intent;
            if (peerHit) peerCorrect++;
            var language = text.Any(TextNormalizer.IsCjk) ? "zh" : "en";
            var row = byLanguage.GetValueOrDefault(language);
            byLanguage[language] = (row.Total + 1, row.Correct + (predicted == intent ? 1 : 0), row.PeerCorrect + (peerHit ? 1 : 0));
        }

        double accuracy = (double)correct / heldOut.Count, peer = (double)peerCorrect / heldOut.Count;
        Console.WriteLine($"## Intent accuracy: {heldOut.Count} held-out utterances, {training.All.Count()} training, {training.ExamplesByIntent.Count} intents");
        Console.WriteLine();
        Console.WriteLine("| metric | ServiceBot classifier | nearest example (BM25) | ratio |");
        Console.WriteLine("|---|---:|---:|---:|");
        Console.WriteLine($"| accuracy | {accuracy:F3} | {peer:F3} | {accuracy / peer:F2} |");
        foreach (var (language, row) in byLanguage)
        {
            double own = (double)row.Correct / row.Total, other = (double)row.PeerCorrect / row.Total;
            Console.WriteLine($"| accuracy, {language} ({row.Total}) | {own:F3} | {other:F3} | {(other > 0 ? own / other : 0):F2} |");
        }
        Console.WriteLine($"| training (s) | {trainSeconds:F2} | {peerSeconds:F2} | |");
        Console.WriteLine();
        foreach (var miss in misses) Console.WriteLine($"- {miss}");
        return 0;
    }
}
