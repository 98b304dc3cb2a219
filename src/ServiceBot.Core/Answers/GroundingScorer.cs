using System.Runtime.CompilerServices;
using ServiceBot.Retrieval;
using ServiceBot.Text;

namespace ServiceBot.Answers;

/// <summary>
/// How much of a question a clause actually contains, on a 0–1 scale comparable across questions.
/// Raw BM25 scores grow with question length and term rarity, so they cannot be thresholded. Instead each
/// content word the user typed is weighted by its idf in the knowledge (rare words carry the topic; a word the
/// knowledge never uses gets the highest idf) and counts as covered when the clause, its title or heading path
/// contains it or one of its synonyms. Words of the domain dictionary weigh double: they name what the knowledge
/// is about, and their very frequency in it would otherwise let lay filler words ("每天", "落下") outweigh them.
/// </summary>
public sealed class GroundingScorer
{
    /// <summary>Single characters are ambiguous in Chinese ("高", "山"); they count half.</summary>
    private const float SingleCharacterWeight = 0.5f;

    // A scorer is made per question; the domain words depend only on the index, so they are collected once per index.
    private static readonly ConditionalWeakTable<LexicalIndex, HashSet<string>> DomainWordsByIndex = new();

    private readonly LexicalIndex _index;
    private readonly HashSet<string> _domainWords;
    private readonly float _domainWeight;

    private readonly IReadOnlySet<string>? _englishField;

    /// <param name="englishField">The English words that are of the knowledge's field (<see cref="Knowledge.KnowledgeBase.EnglishFieldWords"/>);
    /// without it every English word the index holds is.</param>
    public GroundingScorer(LexicalIndex index, float domainWeight = 2f, IReadOnlySet<string>? englishField = null)
    {
        _index = index;
        _domainWeight = domainWeight;
        _englishField = englishField;
        _domainWords = DomainWordsByIndex.GetValue(index, static index => index.Analyzer.Options.DomainWords
            .Concat(index.Analyzer.Options.SynonymGroups.SelectMany(g => g))
            .Select(TextNormalizer.Normalize).ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>The question's typed content words with their weights and accepted surface forms.</summary>
    public IReadOnlyList<QueryTerm> Terms(string question)
    {
        var analyzer = _index.Analyzer;
        var analyzed = analyzer.AnalyzeQuery(question);
        var terms = new List<QueryTerm>();
        foreach (var (word, weight) in analyzed.Words)
        {
            if (weight < 1f) continue; // a synonym expansion, not a word the user typed
            // A typed word inside a lay phrase (差评 in 天天被差评) is also covered by the words the documents use for it.
            var lay = analyzed.Expansions
                .Where(e => e.LayPhrases.Any(p => p.Contains(word, StringComparison.Ordinal) || (p.Length > 1 && word.Contains(p, StringComparison.Ordinal))))
                .SelectMany(e => e.PolicyWords)
                .Select(TextNormalizer.Normalize)
                .ToList();
            var alone = analyzer.AnalyzeQuery(word);
            // A word only a mined expansion added is a search hint, not a form of the typed word.
            var forms = alone.Words.Keys.Where(f => (f.Length > 1 || f == word) && !alone.MinedWords.Contains(f)).Concat(lay).Distinct(StringComparer.Ordinal).ToArray();
            // The Chinese word the English lexicon reads an English word as (scooter → 电动车), if any.
            var chinese = IsLatinWord(word) ? EnglishBridge.Default.ChineseOf(word) : null;
            var isDomain = _domainWords.Contains(word);
            var idf = _index.WordIdf(word) * (word.Length == 1 ? SingleCharacterWeight : 1f) * (isDomain ? _domainWeight : 1f);
            terms.Add(new QueryTerm(word, idf, forms, isDomain)
            {
                // An English word the lexicon reads as a word the clauses use names something the knowledge speaks of.
                Foreign = word.Length > 1 && lay.Count == 0 && !isDomain && forms.All(f => !OfTheField(f))
                          && (chinese is null || !_index.Mentions(chinese)),
            });
        }
        return terms;
    }

    private bool OfTheField(string form) => _englishField is not null && IsLatinWord(form) ? _englishField.Contains(form) : _index.Mentions(form);

    /// <summary>Idf-weighted share of <paramref name="terms"/> that are <see cref="QueryTerm.Foreign"/> (0–1).</summary>
    public static double ForeignShare(IReadOnlyList<QueryTerm> terms)
    {
        double total = terms.Sum(t => t.Weight);
        return total == 0 ? 0 : terms.Where(t => t.Foreign).Sum(t => t.Weight) / total;
    }

    /// <summary>Idf-weighted share of <paramref name="terms"/> that <paramref name="text"/> contains (0–1).</summary>
    public static double Coverage(IReadOnlyList<QueryTerm> terms, string text) => CoverageOfNormalized(terms, TextNormalizer.Normalize(text));

    /// <summary><see cref="Coverage"/> of a text already passed through <see cref="TextNormalizer.Normalize"/>, for texts scored again and again.</summary>
    public static double CoverageOfNormalized(IReadOnlyList<QueryTerm> terms, string normalized)
    {
        double total = 0, covered = 0;
        for (var i = 0; i < terms.Count; i++)
        {
            var term = terms[i];
            total += term.Weight;
            if (ContainsAny(normalized, term.Forms)) covered += term.Weight;
        }
        return total == 0 ? 0 : covered / total;
    }

    private static bool ContainsAny(string text, IReadOnlyList<string> forms)
    {
        for (var i = 0; i < forms.Count; i++)
            if (IsLatinWord(forms[i]) ? EnglishWords.Contains(text, forms[i]) : text.Contains(forms[i], StringComparison.Ordinal)) return true;
        return false;
    }

    private static bool IsLatinWord(string form) => form.Length > 0 && char.IsAsciiLetterLower(form[0]);
}

/// <summary>A typed query word, its weight, the forms that count as a match (itself, its synonyms, and the policy words of a lay phrase it sits in), and whether the domain dictionary knows it.</summary>
public sealed record QueryTerm(string Word, float Weight, IReadOnlyList<string> Forms, bool IsDomain)
{
    /// <summary>
    /// A word of another field: no clause uses it or a synonym of it, and no lay phrase of the dictionary links it to the
    /// knowledge (上牌, 年审, 食堂). Lay words the dictionary knows (歇脚, 差评) are not foreign.
    /// </summary>
    public bool Foreign { get; init; }
}
