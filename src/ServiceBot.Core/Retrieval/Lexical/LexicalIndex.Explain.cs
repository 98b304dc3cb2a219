using ServiceBot.Retrieval.Ranking;
using ServiceBot.Text;

namespace ServiceBot.Retrieval;

/// <summary>Why a query ranks what it ranks: for the people who maintain the knowledge (hit testing).</summary>
public sealed partial class LexicalIndex
{
    /// <summary>
    /// The analysed query and the top <paramref name="top"/> clauses in the order <see cref="Search"/> returns them,
    /// each with its first-stage parts, its features and, when a ranking model is configured, the model's score
    /// split among the features.
    /// </summary>
    public SearchExplanation Explain(string query, int top)
    {
        var analyzed = string.IsNullOrWhiteSpace(query) ? new AnalyzedQuery(new Dictionary<string, float>(), new Dictionary<string, float>()) : AnalyzeQuery(query);
        var ranker = SecondStage;
        var depth = ranker is null ? top : Math.Max(top, _options.RerankDepth);
        var candidates = RankingCandidates(query, depth);
        var explained = candidates.Select((c, i) =>
        {
            if (ranker is null) return new ExplainedHit(c, i + 1, null);
            var contributions = ranker.Contributions(c.Features, out var baseline);
            return new ExplainedHit(c, i + 1, new RankerExplanation(ranker.Score(c.Features), baseline, contributions));
        });
        var ordered = ranker is null
            ? explained.ToList()
            : explained.OrderByDescending(h => h.Ranker!.Score).ThenBy(h => h.FirstStageRank).ToList();
        return new SearchExplanation(analyzed, ranker is not null, depth, _options, ordered.Take(top).ToList());
    }
}

/// <param name="Query">The analysed query; words and bigrams below weight 1 are expansions.</param>
/// <param name="Reranked">Whether a second-stage model reordered the candidates.</param>
/// <param name="Depth">How many first-stage candidates were considered.</param>
/// <param name="Options">The ranking parameters (field weights) in force.</param>
public sealed record SearchExplanation(AnalyzedQuery Query, bool Reranked, int Depth, Lexical.LexicalIndexOptions Options,
    IReadOnlyList<ExplainedHit> Hits);

/// <param name="FirstStageRank">1-based rank before the second stage.</param>
public sealed record ExplainedHit(RankingCandidate Candidate, int FirstStageRank, RankerExplanation? Ranker);

/// <summary>The model's score = <see cref="Baseline"/> + Σ <see cref="Contributions"/> (indexed by <see cref="RankingFeature"/>).</summary>
public sealed record RankerExplanation(double Score, double Baseline, IReadOnlyList<double> Contributions);
