using ServiceBot.Benchmarks.Answers;
using ServiceBot.Knowledge;
using ServiceBot.Knowledge.Chunking;
using ServiceBot.Knowledge.Dictionary;
using ServiceBot.Text;

namespace ServiceBot.Benchmarks.Mining;

/// <summary>
/// The parallel corpus of <see cref="LayTermMiner"/>, analysed by the index's own analyzer: every 相似问法 with its clause,
/// and every answerable dev item's query with its expected clauses, plus the clause frequency of each word.
/// </summary>
public sealed class MiningCorpus
{
    private readonly Dictionary<string, int> _clauseFrequency;

    private MiningCorpus(IReadOnlyList<MiningPair> similar, IReadOnlyList<(string Id, MiningPair Pair)> dev, int clauseCount,
        Dictionary<string, int> clauseFrequency)
    {
        Similar = similar;
        Dev = dev;
        ClauseCount = clauseCount;
        _clauseFrequency = clauseFrequency;
    }

    public IReadOnlyList<MiningPair> Similar { get; }

    public IReadOnlyList<(string Id, MiningPair Pair)> Dev { get; }

    public int ClauseCount { get; }

    public int ClauseFrequency(string word) => _clauseFrequency.GetValueOrDefault(word);

    public static MiningCorpus Build(KnowledgeBase knowledgeBase, IReadOnlyList<LayQuestion> questions)
    {
        var analyzer = knowledgeBase.Lexical.Analyzer;
        var wordsOf = knowledgeBase.Chunks.ToDictionary(c => c.Id, c => (IReadOnlyCollection<string>)ClauseWords(analyzer, c), StringComparer.Ordinal);
        var frequency = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var words in wordsOf.Values)
        foreach (var word in words)
            frequency[word] = frequency.GetValueOrDefault(word) + 1;

        var similar = knowledgeBase.Chunks
            .SelectMany(c => c.SimilarQuestions.Select(q => new MiningPair(TypedWords(analyzer, q), wordsOf[c.Id], c.Id)))
            .ToList();
        var bySection = knowledgeBase.Chunks.ToLookup(c => (c.Title, c.Section));
        var dev = questions
            .Where(q => q.Answerable)
            .Select(q => (Question: q, Clauses: q.Expect.SelectMany(e => bySection[(e.Source, e.Section)]).Select(c => c.Id).Order(StringComparer.Ordinal).ToList()))
            .Select(q => (q.Question.Id, Pair: new MiningPair(TypedWords(analyzer, q.Question.Query),
                q.Clauses.SelectMany(id => wordsOf[id]).ToHashSet(StringComparer.Ordinal), string.Join('|', q.Clauses))))
            .Where(d => d.Pair.ClauseWords.Count > 0)
            .ToList();
        return new MiningCorpus(similar, dev, knowledgeBase.Chunks.Count, frequency);
    }

    /// <summary>The words the asker typed, as the query analyser reads them: expansions (weight below 1) left out.</summary>
    private static string[] TypedWords(ChineseAnalyzer analyzer, string question)
        => analyzer.AnalyzeQuery(question).Words.Where(w => w.Value >= 1f).Select(w => w.Key).ToArray();

    private static HashSet<string> ClauseWords(ChineseAnalyzer analyzer, KnowledgeChunk chunk)
        => analyzer.Words(chunk.HeadingPath + "\n" + chunk.Text).ToHashSet(StringComparer.Ordinal);
}
