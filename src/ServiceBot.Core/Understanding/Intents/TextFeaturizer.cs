using System.Text;
using ServiceBot.Text;

namespace ServiceBot.Understanding.Intents;

/// <summary>A sparse vector: feature indices ascending, with their weights.</summary>
public readonly record struct SparseVector(int[] Indices, float[] Values);

/// <summary>
/// TF-IDF over character 1–3-grams and jieba words. Character n-grams carry the short cues that decide
/// an intent (吗, 能不能, 怎么) and survive typos and unknown words; words add the segmenter's knowledge
/// of multi-character terms. Digits collapse to one symbol so a phone number is not a feature.
/// A message with letters but without a single ideograph is read as Latin words instead (<see cref="LatinWords"/>): character
/// n-grams of run-together English ("iwanttowithdraw") are mostly noise across word boundaries.
/// </summary>
public sealed class TextFeaturizer
{
    private readonly ChineseAnalyzer? _analyzer;
    private readonly Dictionary<string, int> _vocabulary;
    private readonly float[] _idf;

    private TextFeaturizer(ChineseAnalyzer? analyzer, Dictionary<string, int> vocabulary, float[] idf)
    {
        _analyzer = analyzer;
        _vocabulary = vocabulary;
        _idf = idf;
    }

    public int Dimension => _idf.Length;

    /// <summary>Learns the vocabulary and IDF of <paramref name="documents"/> and returns their vectors too,
    /// so each document is segmented once.</summary>
    public static (TextFeaturizer Featurizer, List<SparseVector> Vectors) FitTransform(IReadOnlyList<string> documents, ChineseAnalyzer? analyzer)
    {
        var terms = documents.Select(d => Terms(d, analyzer).ToList()).ToList();
        var documentFrequency = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var document in terms)
            foreach (var term in document.Distinct())
                documentFrequency[term] = documentFrequency.GetValueOrDefault(term) + 1;
        var count = documents.Count;
        var vocabulary = new Dictionary<string, int>(StringComparer.Ordinal);
        var idf = new float[documentFrequency.Count];
        foreach (var (term, df) in documentFrequency.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            idf[vocabulary.Count] = (float)(Math.Log((1.0 + count) / (1.0 + df)) + 1.0);
            vocabulary[term] = vocabulary.Count;
        }
        var featurizer = new TextFeaturizer(analyzer, vocabulary, idf);
        return (featurizer, terms.Select(featurizer.Vectorize).ToList());
    }

    public SparseVector Transform(string text) => Vectorize(Terms(text, _analyzer));

    private SparseVector Vectorize(IEnumerable<string> terms)
    {
        var counts = new Dictionary<int, int>();
        foreach (var term in terms)
            if (_vocabulary.TryGetValue(term, out var index)) counts[index] = counts.GetValueOrDefault(index) + 1;
        var indices = counts.Keys.Order().ToArray();
        var values = new float[indices.Length];
        double norm = 0;
        for (var i = 0; i < indices.Length; i++)
        {
            values[i] = (float)((1 + Math.Log(counts[indices[i]])) * _idf[indices[i]]);
            norm += values[i] * values[i];
        }
        if (norm > 0)
        {
            var scale = (float)(1 / Math.Sqrt(norm));
            for (var i = 0; i < values.Length; i++) values[i] *= scale;
        }
        return new SparseVector(indices, values);
    }

    private static IEnumerable<string> Terms(string text, ChineseAnalyzer? analyzer)
    {
        // Digits alone (a phone number, a ticket typed bare) keep the features they always had.
        if (!text.Any(TextNormalizer.IsCjk) && text.Any(char.IsLetter)) return LatinTerms(text);
        return ChineseTerms(text, analyzer);
    }

    /// <summary>Word stems, adjacent stem pairs ("human agent", "work injury") and character trigrams inside each word, which survive typos.</summary>
    private static IEnumerable<string> LatinTerms(string text)
    {
        var words = LatinWords.Stems(text);
        for (var i = 0; i < words.Count; i++)
        {
            yield return "e:" + words[i];
            if (i > 0) yield return "e2:" + words[i - 1] + " " + words[i];
            var padded = "<" + words[i] + ">";
            for (var j = 0; j + 3 <= padded.Length; j++) yield return "c:" + padded.Substring(j, 3);
        }
    }

    private static IEnumerable<string> ChineseTerms(string text, ChineseAnalyzer? analyzer)
    {
        var clean = Clean(text);
        var padded = "^" + clean + "$";
        for (var n = 1; n <= 3; n++)
            for (var i = 0; i + n <= padded.Length; i++)
            {
                var gram = padded.Substring(i, n);
                if (gram is "^" or "$") continue;
                yield return gram;
            }
        if (analyzer is null) yield break;
        foreach (var word in analyzer.Words(clean)) yield return "w:" + word;
    }

    /// <summary>Normalised text with punctuation and spaces dropped and every digit run folded to '0'.</summary>
    private static string Clean(string text)
    {
        var builder = new StringBuilder(text.Length);
        var previousDigit = false;
        foreach (var c in TextNormalizer.Normalize(text))
        {
            if (char.IsDigit(c))
            {
                if (!previousDigit) builder.Append('0');
                previousDigit = true;
                continue;
            }
            previousDigit = false;
            if (char.IsLetter(c)) builder.Append(c);
        }
        return builder.ToString();
    }
}
