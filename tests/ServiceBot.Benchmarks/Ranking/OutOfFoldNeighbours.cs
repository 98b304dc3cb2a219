using ServiceBot.Answers;
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

    /// <summary>
    /// <paramref name="item"/> with its neighbour features read from <paramref name="index"/> for <paramref name="question"/>
    /// (copies of the rows; the item is left as it is).
    /// </summary>
    public static LabelledQuery With(LabelledQuery item, string question, AnnotatedQuestionIndex index)
    {
        var votes = index.Votes(question);
        return item with
        {
            Features = item.Features.Select((row, c) =>
            {
                var copy = (float[])row.Clone();
                ExtractiveAnswerComposer.SetNeighbourFeatures(copy, votes.GetValueOrDefault(item.CandidateIds[c]));
                return copy;
            }).ToList(),
        };
    }
}
