using System.Runtime.CompilerServices;
using ServiceBot.Knowledge;
using ServiceBot.Knowledge.Chunking;
using ServiceBot.Text;

namespace ServiceBot.Answers;

/// <summary>
/// Matches a question against the 相似问法 the maintainers linked to clauses. Coverage alone is one-sided (a long
/// similar question contains any short query), so the match is the mean of both directions: how much of the user's
/// question the similar question contains, and how much of the similar question the user's question contains. The
/// plain mean rather than the harmonic one, because lay questions carry filler words (到底, 啊, 越来越) that no taught
/// question shares.
/// The linked questions are analysed once per knowledge base.
/// </summary>
public static class SimilarQuestionMatcher
{
    /// <param name="NormalizedQuestion">The question as <see cref="GroundingScorer.Coverage"/> reads it, folded once rather than on every match.</param>
    private sealed record Linked(KnowledgeChunk Chunk, string Question, string NormalizedQuestion, IReadOnlyList<QueryTerm> Terms);

    /// <summary>
    /// The linked questions of one knowledge base, and for each character the ones whose text holds it (ascending): a
    /// question holds a form only if it holds each of the form's characters, so only the questions listed under some
    /// form's rarest character can match at all, and the others are never scanned.
    /// </summary>
    private sealed class LinkedSet(List<Linked> all)
    {
        public List<Linked> All { get; } = all;

        private readonly Dictionary<char, int[]> _byCharacter = all
            .SelectMany((linked, index) => linked.NormalizedQuestion.Distinct().Select(c => (Character: c, Index: index)))
            .GroupBy(p => p.Character)
            .ToDictionary(g => g.Key, g => g.Select(p => p.Index).ToArray());

        /// <summary>Marks every question that may hold a form of <paramref name="terms"/>; false when any question may (an empty form).</summary>
        public bool TryMarkCandidates(IReadOnlyList<QueryTerm> terms, bool[] candidates)
        {
            foreach (var term in terms)
            {
                foreach (var form in term.Forms)
                {
                    if (form.Length == 0) return false;
                    int[]? rarest = null;
                    foreach (var c in form)
                    {
                        if (!_byCharacter.TryGetValue(c, out var holders)) { rarest = []; break; }
                        if (rarest is null || holders.Length < rarest.Length) rarest = holders;
                    }
                    foreach (var index in rarest!) candidates[index] = true;
                }
            }
            return true;
        }
    }

    private static readonly ConditionalWeakTable<KnowledgeBase, LinkedSet> Cache = new();

    /// <summary>The maintainers' 相似问法, and a guide's FAQ question (a section titled as a question) for its own answer.</summary>
    internal static IEnumerable<string> LinkedQuestions(KnowledgeChunk chunk)
        => chunk.Section.EndsWith('？') || chunk.Section.EndsWith('?') ? chunk.SimilarQuestions.Prepend(chunk.Section) : chunk.SimilarQuestions;

    /// <summary>Each clause with linked questions and its best match (0–1) with <paramref name="question"/>, best first; no zeros.</summary>
    public static IReadOnlyList<(KnowledgeChunk Chunk, double Match, string Question)> Match(
        KnowledgeBase knowledge, GroundingScorer scorer, IReadOnlyList<QueryTerm> terms, string question)
    {
        var set = Cache.GetValue(knowledge, kb => new LinkedSet(kb.Chunks
            .SelectMany(c => LinkedQuestions(c).Select(q => new Linked(c, q, TextNormalizer.Normalize(q), scorer.Terms(q))))
            .ToList()));
        var linked = set.All;
        if (linked.Count == 0 || terms.Count == 0) return [];
        // A question that holds none of the forms matches 0 and is left out either way: only the candidates are scored.
        var candidates = new bool[linked.Count];
        if (!set.TryMarkCandidates(terms, candidates)) Array.Fill(candidates, true);
        var normalizedQuestion = TextNormalizer.Normalize(question);
        var matches = new List<(KnowledgeChunk Chunk, double Match, string Question)>();
        var slotOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < linked.Count; i++)
        {
            if (!candidates[i]) continue;
            var candidate = linked[i];
            var match = Score(terms, candidate, normalizedQuestion);
            if (match <= 0) continue;
            // Clauses keep the order they were first matched in; of equal matches a clause's first linked question stands.
            if (!slotOf.TryGetValue(candidate.Chunk.Id, out var slot))
            {
                slotOf[candidate.Chunk.Id] = matches.Count;
                matches.Add((candidate.Chunk, match, candidate.Question));
            }
            else if (match > matches[slot].Match) matches[slot] = (candidate.Chunk, match, candidate.Question);
        }
        return matches.OrderByDescending(m => m.Match).ToList();
    }

    private static double Score(IReadOnlyList<QueryTerm> terms, Linked linked, string normalizedQuestion)
    {
        var asked = GroundingScorer.CoverageOfNormalized(terms, linked.NormalizedQuestion);
        if (asked == 0) return 0;
        return (asked + GroundingScorer.CoverageOfNormalized(linked.Terms, normalizedQuestion)) / 2;
    }
}
