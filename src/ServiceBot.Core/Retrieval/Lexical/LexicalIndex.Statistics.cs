using ServiceBot.Text;

namespace ServiceBot.Retrieval;

/// <summary>Corpus statistics for callers that judge a hit beyond its rank (e.g. answer grounding).</summary>
public sealed partial class LexicalIndex
{
    /// <summary>The analyzer the index was built with, carrying its domain vocabulary.</summary>
    public ChineseAnalyzer Analyzer => _analyzer;

    /// <summary>BM25 idf of a word term; a word no document contains gets the highest idf of the collection.</summary>
    public float WordIdf(string word) => Idf(_words, word);

    /// <summary>
    /// Whether the knowledge uses the word: some clause or linked question has it as a word, or has most of its character bigrams
    /// (上牌 and 年审 are never used; 驿站 is, even where the segmenter split it differently).
    /// </summary>
    public bool Mentions(string word)
        => Mentions(_words, _bigrams, word) || Mentions(_questionWords, _questionBigrams, word);

    /// <summary>The linked questions (相似问法) count: they are how the maintainers taught lay words to the knowledge.</summary>
    private static bool Mentions(Lexical.FieldPostings words, Lexical.FieldPostings bigrams, string word)
    {
        if (words.DocumentFrequency(word) > 0) return true;
        // Most of its bigrams, not all: a compound the segmenter formed (租房提取) spans a bigram no text has (房提).
        var pairs = ChineseAnalyzer.Bigrams(word);
        return pairs.Count > 0 && 2 * pairs.Count(b => bigrams.DocumentFrequency(b) > 0) >= pairs.Count;
    }

    /// <summary>Share of the clauses whose text has the word (0 when none has it).</summary>
    public double WordShare(string word) => _ids.Length == 0 ? 0 : (double)_words.DocumentFrequency(word) / _ids.Length;

    /// <summary>BM25 idf of a character bigram.</summary>
    public float BigramIdf(string bigram) => Idf(_bigrams, bigram);

    private float Idf(Lexical.FieldPostings field, string term) => Idf(field.DocumentFrequency(term));

    /// <summary>BM25 idf of a term that <paramref name="documentFrequency"/> clauses hold (0 gives the highest).</summary>
    private float Idf(int documentFrequency)
    {
        float n = _ids.Length;
        return MathF.Log(1 + (n - documentFrequency + 0.5f) / (documentFrequency + 0.5f));
    }
}
