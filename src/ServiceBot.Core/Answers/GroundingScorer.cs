using ServiceBot.Retrieval;
using ServiceBot.Text;

namespace ServiceBot.Answers;

/// <summary>
/// How much of a question a clause actually contains, on a 0–1 scale comparable across questions.
/// Raw BM25 scores grow with question length and term rarity, so they cannot be thresholded; instead each
/// content word the user typed is weighted by its idf in the knowledge (rare words carry the topic, and a word
/// the knowledge never uses gets the highest idf) and counts as covered when the clause, its title or section
/// contains it or one of its synonyms. Coverage is the covered share of that weight: a clause covering the
/// question's informative words scores near 1; a question about something the knowledge never mentions
/// (weather, recipes, flights) leaves its key words uncovered and scores low whatever the rank.
/// </summary>
public sealed class GroundingScorer(LexicalIndex index)
{
    /// <summary>Single characters are ambiguous in Chinese ("高", "山"); they count half.</summary>
    private const float SingleCharacterWeight = 0.5f;

    /// <summary>The question's typed content words with their weights and accepted surface forms.</summary>
    public IReadOnlyList<QueryTerm> Terms(string question)
    {
        var analyzer = index.Analyzer;
        var terms = new List<QueryTerm>();
        foreach (var (word, weight) in analyzer.AnalyzeQuery(question).Words)
        {
            if (weight < 1f) continue; // a synonym expansion, not a word the user typed
            var forms = analyzer.AnalyzeQuery(word).Words.Keys.Where(f => f.Length > 1 || f == word).ToArray();
            var idf = index.WordIdf(word) * (word.Length == 1 ? SingleCharacterWeight : 1f);
            terms.Add(new QueryTerm(word, idf, forms));
        }
        return terms;
    }

    /// <summary>Idf-weighted share of <paramref name="terms"/> that <paramref name="text"/> contains.</summary>
    public static double Coverage(IReadOnlyList<QueryTerm> terms, string text)
    {
        var normalized = TextNormalizer.Normalize(text);
        double total = 0, covered = 0;
        foreach (var term in terms)
        {
            total += term.Weight;
            if (term.Forms.Any(f => normalized.Contains(f, StringComparison.Ordinal))) covered += term.Weight;
        }
        return total == 0 ? 0 : covered / total;
    }
}

/// <summary>A typed query word, its weight and the forms (itself and its synonyms) that count as a match.</summary>
public sealed record QueryTerm(string Word, float Weight, IReadOnlyList<string> Forms);
