using ServiceBot.Text;

namespace ServiceBot.Retrieval;

/// <summary>Corpus statistics for callers that judge a hit beyond its rank (e.g. answer grounding).</summary>
public sealed partial class LexicalIndex
{
    /// <summary>The analyzer the index was built with, carrying its domain vocabulary.</summary>
    public ChineseAnalyzer Analyzer => _analyzer;

    /// <summary>BM25 idf of a word term; a word no document contains gets the highest idf of the collection.</summary>
    public float WordIdf(string word) => Idf(_words, word);

    /// <summary>BM25 idf of a character bigram.</summary>
    public float BigramIdf(string bigram) => Idf(_bigrams, bigram);

    private float Idf(Lexical.FieldPostings field, string term)
    {
        var df = field.TermIds.TryGetValue(term, out var id) ? field.DocumentFrequency(id) : 0;
        float n = _ids.Length;
        return MathF.Log(1 + (n - df + 0.5f) / (df + 0.5f));
    }
}
