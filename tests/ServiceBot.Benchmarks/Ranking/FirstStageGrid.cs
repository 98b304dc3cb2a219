using System.Globalization;
using System.Text;
using ServiceBot.Benchmarks.Retrieval;
using ServiceBot.Retrieval.Evaluation;
using ServiceBot.Retrieval.Lexical;

namespace ServiceBot.Benchmarks.Ranking;

/// <summary>
/// <c>train-ranker --first-stage-grid</c>: the first stage's cross-validated recall for each setting of its options, and
/// the setting chosen inside each fold (best R@100 on the other folds' out-of-fold rankings, R@10 breaking ties), so the
/// held-back fold's figure never depends on its own judgements.
/// </summary>
public static class FirstStageGrid
{
    /// <summary>One setting: first-stage options by name (<see cref="LexicalIndexOptions"/> properties) and their values.</summary>
    public sealed record Setting(string Text, IReadOnlyList<(System.Reflection.PropertyInfo Property, object Value)> Values)
    {
        public override string ToString() => Text.Length == 0 ? "as shipped" : Text;

        public void ApplyTo(LexicalIndexOptions options)
        {
            foreach (var (property, value) in Values) property.SetValue(options, value);
        }
    }

    /// <summary>Parses settings separated by <c>/</c>, each <c>Name=value,Name=value</c> (an empty one keeps the shipped options).</summary>
    /// <exception cref="ArgumentException">A name is not a numeric first-stage option, or a value does not parse.</exception>
    public static IReadOnlyList<Setting> Parse(string text)
    {
        var settings = new List<Setting>();
        foreach (var item in text.Split('/', StringSplitOptions.TrimEntries))
        {
            var values = new List<(System.Reflection.PropertyInfo, object)>();
            foreach (var pair in item.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var parts = pair.Split('=');
                var property = parts.Length == 2 ? typeof(LexicalIndexOptions).GetProperty(parts[0]) : null;
                object? value = property?.PropertyType == typeof(float) && float.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var x) ? x
                    : property?.PropertyType == typeof(int) && int.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n
                    : null;
                if (property is null || value is null)
                    throw new ArgumentException($"--first-stage-grid expects Name=value with a numeric LexicalIndexOptions property, got \"{pair}\"");
                values.Add((property, value));
            }
            settings.Add(new Setting(item, values));
        }
        return settings;
    }

    /// <param name="ranking">The options a fold ranks with (its learned tables) for a setting, given the queries they are learned on.</param>
    public static void Run(StringBuilder report, StardRankingData data, int[] folds, int foldCount, IReadOnlyList<Setting> settings,
        Func<int[], Setting, LexicalIndexOptions> ranking)
    {
        var count = data.Queries.Count;
        var all = Enumerable.Range(0, count).ToArray();
        // recall[s][q]: query q's out-of-fold first-stage R@10 and R@100 under setting s.
        var recall = new (double At10, double At100)[settings.Count][];
        using (var progress = new ConsoleProgress("first-stage grid", settings.Count * foldCount))
        {
            for (var s = 0; s < settings.Count; s++)
            {
                recall[s] = new (double, double)[count];
                for (var fold = 0; fold < foldCount; fold++)
                {
                    var test = all.Where(i => folds[i] == fold).ToArray();
                    var ranked = data.FirstStage(test, ranking(all.Where(i => folds[i] != fold).ToArray(), settings[s]), 100);
                    for (var j = 0; j < test.Length; j++)
                    {
                        var relevant = data.Queries[test[j]].Relevant;
                        recall[s][test[j]] = (RetrievalMetrics.RecallAt(ranked[j], relevant, 10), RetrievalMetrics.RecallAt(ranked[j], relevant, 100));
                    }
                    progress.Report(s * foldCount + fold + 1);
                }
            }
        }

        report.Append("First stage out-of-fold (mean of folds):\n\n| setting | R@10 | R@100 |\n|---|---:|---:|\n");
        double FoldMean(int s, int fold, Func<(double At10, double At100), double> metric) => all.Where(i => folds[i] == fold).Average(i => metric(recall[s][i]));
        double Mean(int s, Func<(double At10, double At100), double> metric) => Enumerable.Range(0, foldCount).Average(f => FoldMean(s, f, metric));
        for (var s = 0; s < settings.Count; s++)
            report.Append(CultureInfo.InvariantCulture, $"| {settings[s]} | {Mean(s, r => r.At10):F3} | {Mean(s, r => r.At100):F3} |\n");

        report.Append("\nChosen inside each fold (best R@100 over the other folds, then R@10):\n\n| fold | chosen | R@10 | R@100 |\n|---|---|---:|---:|\n");
        double nestedAt10 = 0, nestedAt100 = 0;
        for (var fold = 0; fold < foldCount; fold++)
        {
            var others = all.Where(i => folds[i] != fold).ToArray();
            var best = Enumerable.Range(0, settings.Count)
                .OrderByDescending(s => Math.Round(others.Average(i => recall[s][i].At100), 4))
                .ThenByDescending(s => others.Average(i => recall[s][i].At10))
                .First();
            var at10 = FoldMean(best, fold, r => r.At10);
            var at100 = FoldMean(best, fold, r => r.At100);
            nestedAt10 += at10 / foldCount;
            nestedAt100 += at100 / foldCount;
            report.Append(CultureInfo.InvariantCulture, $"| {fold + 1} | {settings[best]} | {at10:F3} | {at100:F3} |\n");
        }
        report.Append(CultureInfo.InvariantCulture, $"| **mean** | | {nestedAt10:F3} | {nestedAt100:F3} |\n\n");
    }
}
