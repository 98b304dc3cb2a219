using ServiceBot.Text;

namespace ServiceBot.Answers.Refusal;

/// <summary>
/// How much a question reads like the questions the knowledge answers, from its wording alone: the mean, over the
/// distinct characters and character pairs of the question, of each one's log-odds of occurring in an answerable
/// question rather than in one that must be refused (a naive Bayes over the development set). Pairs carry the words
/// (补办, 护照, 股票, 换绑) that say a question is about another service, whichever clause happens to share its other words;
/// in English the words themselves do (visa, customs, apostille), so a run of Latin letters is one gram. Grams the table
/// lacks count 0. Positive reads as in scope, negative as out of it.
/// </summary>
public sealed class DomainScore
{
    private readonly Dictionary<string, double> _weights;

    /// <exception cref="ArgumentException">A gram is empty or longer than two characters, or a weight is not finite.</exception>
    public DomainScore(IReadOnlyDictionary<string, double> weights)
    {
        foreach (var (gram, weight) in weights)
        {
            if (gram.Length == 0 || (gram.Length > 2 && !IsLatinWord(gram)))
                throw new ArgumentException($"the domain gram \"{gram}\" is neither one or two characters nor a word of Latin letters");
            if (!double.IsFinite(weight)) throw new ArgumentException($"the domain gram \"{gram}\" has a weight that is not a finite number");
        }
        _weights = new Dictionary<string, double>(weights, StringComparer.Ordinal);
    }

    public IReadOnlyDictionary<string, double> Weights => _weights;

    /// <summary>The mean log-odds of the question's grams (0 when it has none).</summary>
    public double Of(string question)
    {
        var grams = Grams(question);
        return grams.Count == 0 ? 0 : grams.Sum(g => _weights.GetValueOrDefault(g)) / grams.Count;
    }

    /// <summary>
    /// The distinct grams of the question, folded by <see cref="TextNormalizer.Normalize"/>: each run of two or more Latin
    /// letters as one word (a letter pair says nothing in English; single letters are dropped), and the characters and
    /// adjacent pairs of everything else that is a letter or digit. Spaces, punctuation and Latin words split pairs.
    /// </summary>
    public static IReadOnlySet<string> Grams(string question)
    {
        var text = TextNormalizer.Normalize(question);
        var grams = new HashSet<string>(TextNormalizer.FoldedLatinWords(text), StringComparer.Ordinal);
        for (var i = 0; i < text.Length; i++)
        {
            if (TextNormalizer.IsFoldedLatinLetter(text[i]) || !char.IsLetterOrDigit(text[i])) continue;
            grams.Add(text[i].ToString());
            if (i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1]) && !TextNormalizer.IsFoldedLatinLetter(text[i + 1])) grams.Add(text.Substring(i, 2));
        }
        return grams;
    }

    private static bool IsLatinWord(string gram) => gram.All(TextNormalizer.IsFoldedLatinLetter);
}
