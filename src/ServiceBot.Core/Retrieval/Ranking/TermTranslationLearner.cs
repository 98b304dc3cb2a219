using System.ComponentModel.DataAnnotations;

namespace ServiceBot.Retrieval.Ranking;

/// <summary>One judged question: the words the user typed and the words of the articles judged relevant to it.</summary>
public sealed record TranslationExample(IReadOnlyCollection<string> QueryWords, IReadOnlyCollection<string> RelevantWords);

/// <summary>Thresholds of <see cref="TermTranslationLearner"/>; the defaults are chosen by cross-validation on STARD's dev split.</summary>
public sealed class TermTranslationLearnerOptions
{
    /// <summary>A query word must occur in this many questions: one question's co-occurrences are chance.</summary>
    [Range(1, 1000)] public int MinQueries { get; set; } = 2;

    /// <summary>A pair must co-occur (word in the question, translation in a relevant article) in this many questions.</summary>
    [Range(1, 1000)] public int MinPairs { get; set; } = 2;

    /// <summary>
    /// Lift: P(translation in a relevant article | word in the question) over P(translation in a relevant article).
    /// Words every article uses (规定, 应当) co-occur with everything and have a lift near 1.
    /// </summary>
    [Range(1, 1000)] public double MinLift { get; set; } = 2;

    /// <summary>Pseudo-count added to a word's question count, so a pair seen twice in two questions is not a certainty.</summary>
    [Range(0, 100)] public double Smoothing { get; set; } = 1;

    /// <summary>Smoothed P(translation | word) below this is dropped.</summary>
    [Range(0, 1)] public double MinStrength { get; set; } = 0.2;

    /// <summary>
    /// A translation found in more than this share of the corpus's clauses is dropped: a word as common as 在 or 不
    /// adds almost no evidence and walks a posting list as long as the corpus.
    /// </summary>
    [Range(0, 1)] public double MaxCorpusShare { get; set; } = 0.2;

    /// <summary>Most translations kept per query word, strongest first.</summary>
    [Range(1, 100)] public int MaxPerWord { get; set; } = 10;
}

/// <summary>
/// Learns a <see cref="TermTranslations"/> table from judged pairs by association over the questions: for a query
/// word w and a word v of its relevant articles, strength = c(w, v) / (n(w) + smoothing), kept when v is far more
/// likely beside w than in relevant articles at large (lift). It sees only which words co-occur, never article ids,
/// so it transfers to questions about other articles that use the same vocabulary.
/// </summary>
public sealed class TermTranslationLearner(TermTranslationLearnerOptions options)
{
    /// <param name="examples">The judged questions to learn from.</param>
    /// <param name="corpusShare">
    /// The share of the searched corpus's clauses that use a word (see <see cref="LexicalIndex.WordShare"/>), for
    /// <see cref="TermTranslationLearnerOptions.MaxCorpusShare"/>; null keeps every word.
    /// </param>
    public TermTranslations Learn(IReadOnlyList<TranslationExample> examples, Func<string, double>? corpusShare = null)
    {
        var queriesWith = new Dictionary<string, int>(StringComparer.Ordinal);
        var articlesWith = new Dictionary<string, int>(StringComparer.Ordinal);
        var pairs = new Dictionary<(string Word, string Translation), int>();
        foreach (var example in examples)
        {
            var relevant = example.RelevantWords.ToHashSet(StringComparer.Ordinal);
            foreach (var v in relevant) articlesWith[v] = articlesWith.GetValueOrDefault(v) + 1;
            foreach (var w in example.QueryWords.ToHashSet(StringComparer.Ordinal))
            {
                queriesWith[w] = queriesWith.GetValueOrDefault(w) + 1;
                foreach (var v in relevant)
                    if (v != w) pairs[(w, v)] = pairs.GetValueOrDefault((w, v)) + 1;
            }
        }

        double total = examples.Count;
        var table = new Dictionary<string, IReadOnlyList<TermTranslation>>(StringComparer.Ordinal);
        foreach (var group in pairs.Where(p => p.Value >= options.MinPairs && queriesWith[p.Key.Word] >= options.MinQueries)
                     .GroupBy(p => p.Key.Word, StringComparer.Ordinal))
        {
            var n = queriesWith[group.Key];
            var kept = group
                .Select(p => (p.Key.Translation, Count: p.Value, Strength: p.Value / (n + options.Smoothing),
                    Lift: (double)p.Value / n / (articlesWith[p.Key.Translation] / total)))
                .Where(t => t.Lift >= options.MinLift && t.Strength >= options.MinStrength
                    && (corpusShare is null || corpusShare(t.Translation) <= options.MaxCorpusShare))
                .OrderByDescending(t => t.Strength).ThenByDescending(t => t.Lift).ThenBy(t => t.Translation, StringComparer.Ordinal)
                .Take(options.MaxPerWord)
                .Select(t => new TermTranslation(t.Translation, (float)Math.Min(1, t.Strength)))
                .ToList();
            if (kept.Count > 0) table[group.Key] = kept;
        }
        return new TermTranslations(table);
    }
}
