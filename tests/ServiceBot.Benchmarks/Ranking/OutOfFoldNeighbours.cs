using ServiceBot.Answers;
using ServiceBot.Knowledge;
using ServiceBot.Knowledge.Chunking;
using ServiceBot.Retrieval.Ranking;

namespace ServiceBot.Benchmarks.Ranking;

/// <summary>
/// The knowledge ranker's neighbour features (<see cref="AnnotatedQuestionIndex"/>) computed out of fold: the shipped index
/// holds every item of the set, so a row scored with it would find its own question. An item's features come from the
/// linked questions and the items outside the folds given: outside its own fold for a test row, outside the test fold and
/// its own for a training row, so that training sees them as they are for a question nobody annotated.
/// </summary>
/// <param name="linked">The knowledge's linked questions (<see cref="AnnotatedQuestions.Of"/> with no lines).</param>
/// <param name="annotated">Each item's question as the answerer received it with its expected clauses; null for an item that is none (a refusal).</param>
/// <param name="folds">Each item's fold.</param>
/// <param name="useItems">Whether the items join the linked questions at all.</param>
public sealed class OutOfFoldNeighbours(IReadOnlyList<AnnotatedQuestion> linked, IReadOnlyList<AnnotatedQuestion?> annotated, IReadOnlyList<int> folds,
    bool useItems = true)
{
    private readonly Dictionary<(int, int), AnnotatedQuestionIndex> _indexes = [];

    public int LinkedCount => linked.Count;

    /// <summary>The index of the linked questions and of the items outside folds <paramref name="a"/> and <paramref name="b"/> (equal: outside one fold).</summary>
    public AnnotatedQuestionIndex Without(int a, int b)
    {
        var key = (Math.Min(a, b), Math.Max(a, b));
        if (_indexes.TryGetValue(key, out var index)) return index;
        var items = useItems ? annotated.Where((q, i) => q is not null && folds[i] != a && folds[i] != b).Select(q => q!) : [];
        return _indexes[key] = new AnnotatedQuestionIndex(linked.Concat(items));
    }

    /// <summary>How many nearest questions vote, and how many of their clauses are collected, for the pool's neighbour clauses.</summary>
    public const int CollectionDepth = 40;

    /// <summary>
    /// An index of every annotated question, voting deeper than when answering: a fold's own index, without some items,
    /// names clauses further down its list, and their rows must already be collected for <see cref="With"/> to keep.
    /// </summary>
    public static AnnotatedQuestionIndex Everyone(IEnumerable<AnnotatedQuestion> questions) => new(questions, CollectionDepth);

    /// <summary>
    /// The composer's ranking candidates for <paramref name="question"/> with every clause <paramref name="everyone"/> names
    /// added to the pool, labelled by <paramref name="expected"/>; beside them, the ids that only the neighbours added.
    /// </summary>
    public static (LabelledQuery Item, IReadOnlySet<string> NeighbourAdded) Collect(string id, ExtractiveAnswerComposer composer, KnowledgeBase knowledge,
        string question, AnnotatedQuestionIndex everyone, Func<KnowledgeChunk, bool> expected)
    {
        var searched = composer.RankingCandidates(knowledge, question, neighbourClauses: []).Select(c => c.Candidate.Retrieved.Chunk.Id).ToHashSet(StringComparer.Ordinal);
        var candidates = composer.RankingCandidates(knowledge, question, ExtractiveAnswerComposer.NeighbourClauses(everyone.Votes(question)), CollectionDepth);
        var item = new LabelledQuery(id,
            [.. candidates.Select(c => c.Candidate.Retrieved.Chunk.Id)],
            [.. candidates.Select(c => c.Features)],
            [.. candidates.Select(c => expected(c.Candidate.Retrieved.Chunk))],
            []);
        return (item, item.CandidateIds.Where(c => !searched.Contains(c)).ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>
    /// <paramref name="item"/> with its neighbour features read from <paramref name="index"/> for <paramref name="question"/>
    /// (copies of the rows; the item is left as it is). Of the candidates in <paramref name="neighbourAdded"/> (collected as
    /// a deeper index named them), only those <paramref name="index"/> names among its first
    /// <see cref="ExtractiveAnswerComposer.MaxNeighbourClauses"/> outside the search's pool stay, as when answering.
    /// </summary>
    public static LabelledQuery With(LabelledQuery item, string question, AnnotatedQuestionIndex index, IReadOnlySet<string>? neighbourAdded = null)
    {
        var votes = index.Votes(question);
        var keep = Enumerable.Range(0, item.CandidateIds.Count).ToList();
        if (neighbourAdded is { Count: > 0 })
        {
            var named = ExtractiveAnswerComposer.NeighbourClauses(votes).Where(neighbourAdded.Contains)
                .Take(ExtractiveAnswerComposer.MaxNeighbourClauses).ToHashSet(StringComparer.Ordinal);
            keep = [.. keep.Where(c => !neighbourAdded.Contains(item.CandidateIds[c]) || named.Contains(item.CandidateIds[c]))];
        }
        return item with
        {
            CandidateIds = [.. keep.Select(c => item.CandidateIds[c])],
            Relevant = [.. keep.Select(c => item.Relevant[c])],
            Features = keep.Select(c =>
            {
                var copy = (float[])item.Features[c].Clone();
                ExtractiveAnswerComposer.SetNeighbourFeatures(copy, votes.GetValueOrDefault(item.CandidateIds[c]));
                return copy;
            }).ToList(),
        };
    }
}
