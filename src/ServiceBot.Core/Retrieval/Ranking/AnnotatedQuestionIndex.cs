using ServiceBot.Text;

namespace ServiceBot.Retrieval.Ranking;

/// <summary>A question someone asked and the clauses (chunk ids) that answer it: a 相似问法, a FAQ's question or a labelled lay question.</summary>
public sealed record AnnotatedQuestion(string Question, IReadOnlyList<string> ChunkIds);

/// <summary>What the nearest annotated questions say about one clause.</summary>
/// <param name="Vote">Sum over the nearest questions naming the clause of their score over the nearest one's (0 to the neighbour count).</param>
/// <param name="Best">The clause's best neighbour's score over the nearest one's (0–1).</param>
/// <param name="Similarity">The clause's best neighbour's score over what a question identical to the query would score (0–1).</param>
public readonly record struct NeighbourVote(double Vote, double Best, double Similarity);

/// <summary>
/// Character-bigram BM25 over annotated questions: the questions nearest a new one vote for the clauses that answered them
/// (annotated replies). Bigrams rather than words, so a paraphrase that shares characters but not segmentation (技术等级 for
/// 技能等级) still finds its neighbours; BM25's idf, so the rare pieces of a question (封存, 驿站) weigh more than 怎么办.
/// </summary>
public sealed class AnnotatedQuestionIndex
{
    public const int DefaultNeighbours = 10;

    private const double K1 = 1.2;
    private const double B = 0.75;

    private readonly AnnotatedQuestion[] _questions;
    private readonly Dictionary<string, (int Question, int Count)[]> _postings;
    private readonly Dictionary<string, double> _idf;
    private readonly double[] _lengthNorm;
    private readonly double _unknownIdf;
    private readonly int _neighbours;

    /// <param name="neighbours">How many nearest questions vote.</param>
    public AnnotatedQuestionIndex(IEnumerable<AnnotatedQuestion> questions, int neighbours = DefaultNeighbours)
    {
        ArgumentNullException.ThrowIfNull(questions);
        ArgumentOutOfRangeException.ThrowIfLessThan(neighbours, 1);
        _neighbours = neighbours;
        _questions = questions.Where(q => q.ChunkIds.Count > 0).ToArray();
        var terms = _questions.Select(q => Terms(q.Question)).ToArray();
        // Each language's questions are normalised by that language's average length: English questions, a few words each,
        // would otherwise make every Chinese question, dozens of bigrams, look long, and no longer fully similar to itself.
        var english = terms.Select(t => t.Count > 0 && t.All(IsLatinWord)).ToArray();
        double AverageLength(bool ofEnglish)
            => Math.Max(1, terms.Where((_, i) => english[i] == ofEnglish).Select(t => (double)t.Count).DefaultIfEmpty(1).Average());
        var (chinese, latin) = (AverageLength(false), AverageLength(true));
        _lengthNorm = terms.Select((t, i) => K1 * (1 - B + B * t.Count / (english[i] ? latin : chinese))).ToArray();
        _postings = terms
            .SelectMany((t, question) => t.GroupBy(b => b, StringComparer.Ordinal).Select(g => (Term: g.Key, Question: question, Count: g.Count())))
            .GroupBy(p => p.Term, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(p => (p.Question, p.Count)).ToArray(), StringComparer.Ordinal);
        var n = _questions.Length;
        _idf = _postings.ToDictionary(p => p.Key, p => Idf(n, p.Value.Length), StringComparer.Ordinal);
        // A bigram no annotated question uses is as telling as the rarest one: a question made of them is far from all.
        _unknownIdf = Idf(n, 1);
    }

    /// <summary>Annotated questions in the index.</summary>
    public int Count => _questions.Length;

    /// <summary>
    /// What a question is matched on, as <see cref="TextNormalizer.Normalize"/> folds it: its character bigrams, and each
    /// word of two or more Latin letters, since an English question shares words, not characters, with those asked before it.
    /// </summary>
    public static List<string> Terms(string question)
    {
        var text = TextNormalizer.Normalize(question);
        var terms = ChineseAnalyzer.Bigrams(text);
        terms.AddRange(TextNormalizer.FoldedLatinWords(text));
        return terms;
    }

    private static bool IsLatinWord(string term) => term.All(TextNormalizer.IsFoldedLatinLetter);

    /// <summary>Each clause the nearest annotated questions name, with their vote; empty when no question shares a term.</summary>
    public IReadOnlyDictionary<string, NeighbourVote> Votes(string question)
    {
        var distinct = Terms(question).Distinct(StringComparer.Ordinal).ToList();
        if (distinct.Count == 0 || _questions.Length == 0) return EmptyVotes;
        // Scores accumulate in an array and the touched questions in a list: the nearest few are picked without sorting all.
        var scores = new double[_questions.Length];
        var touched = new List<int>();
        var perfect = 0.0;
        foreach (var term in distinct)
        {
            if (!_postings.TryGetValue(term, out var postings))
            {
                perfect += _unknownIdf;
                continue;
            }
            var idf = _idf[term];
            perfect += idf;
            foreach (var (index, count) in postings)
            {
                if (scores[index] == 0) touched.Add(index);
                scores[index] += idf * count * (K1 + 1) / (count + _lengthNorm[index]);
            }
        }
        if (touched.Count == 0) return EmptyVotes;
        var nearest = Nearest(scores, touched);
        var top = nearest[0].Score;
        var votes = new Dictionary<string, NeighbourVote>(StringComparer.Ordinal);
        foreach (var (index, score) in nearest)
        {
            var relative = score / top;
            var similarity = Math.Min(1, score / perfect);
            foreach (var id in _questions[index].ChunkIds)
            {
                var old = votes.GetValueOrDefault(id);
                votes[id] = new NeighbourVote(old.Vote + relative, Math.Max(old.Best, relative), Math.Max(old.Similarity, similarity));
            }
        }
        return votes;
    }

    /// <summary>The <see cref="_neighbours"/> best-scoring questions, best first; of equal scores the earlier question.</summary>
    private List<(int Index, double Score)> Nearest(double[] scores, List<int> touched)
    {
        var nearest = new List<(int Index, double Score)>(_neighbours + 1);
        foreach (var index in touched)
        {
            var score = scores[index];
            if (nearest.Count == _neighbours && !Before(index, score, nearest[^1])) continue;
            var at = nearest.Count;
            while (at > 0 && Before(index, score, nearest[at - 1])) at--;
            nearest.Insert(at, (index, score));
            if (nearest.Count > _neighbours) nearest.RemoveAt(nearest.Count - 1);
        }
        return nearest;

        static bool Before(int index, double score, (int Index, double Score) other)
            => score > other.Score || score == other.Score && index < other.Index;
    }

    private static readonly IReadOnlyDictionary<string, NeighbourVote> EmptyVotes = new Dictionary<string, NeighbourVote>(StringComparer.Ordinal);

    private static double Idf(int questions, int holding) => Math.Log(1 + (questions - holding + 0.5) / (holding + 0.5));
}
