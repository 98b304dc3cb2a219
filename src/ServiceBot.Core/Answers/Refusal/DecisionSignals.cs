namespace ServiceBot.Answers.Refusal;

/// <summary>
/// What the composer knows about a question beyond the judged clause's wording, read by the refusal model beside the
/// clause's <see cref="GroundingFeatures"/>.
/// </summary>
/// <param name="ThresholdsPass">Whether the coverage thresholds (<see cref="AnswerOptions.MinCoverage"/>, <see cref="AnswerOptions.MinDomainCoverage"/>,
/// <see cref="AnswerOptions.MinContentCoverage"/>) let the clause answer: the verdict the model decides without a model.</param>
/// <param name="InDomain">Whether the question uses a word of the domain dictionary.</param>
/// <param name="RankerTop">The knowledge ranker's score of its first clause; null without the ranker.</param>
/// <param name="RankerSecond">Its score of the second clause; null without the ranker or a second clause.</param>
/// <param name="RankerTopCoverage">Coverage of the question by the ranker's first clause (the judged clause's without the ranker).</param>
/// <param name="QuestionMatch">The best match of the question with any taught 相似问法 (0 when none).</param>
/// <param name="NeighbourSimilarity">
/// How close the nearest annotated question (a linked question or a labelled lay question that was answered) is to this
/// one (<see cref="Retrieval.Ranking.NeighbourVote.Similarity"/>; 0 when none shares a bigram): a question like one answered before.
/// </param>
public sealed record DecisionSignals(bool ThresholdsPass, bool InDomain, double? RankerTop, double? RankerSecond, double RankerTopCoverage,
    double QuestionMatch, double NeighbourSimilarity = 0)
{
    /// <summary>The ranker's first score on a 0–1 scale (a logistic squash); 0.5, undecided, without the ranker.</summary>
    public double RankerConfidence => RankerTop is { } top ? 1 / (1 + Math.Exp(-top)) : 0.5;

    /// <summary>How far the ranker's first clause leads its second, on a 0–1 scale (tanh); 1 when it has no rival, 0 without the ranker.</summary>
    public double RankerMargin => RankerTop is not { } top ? 0 : RankerSecond is { } second ? Math.Tanh(Math.Max(0, top - second)) : 1;
}
