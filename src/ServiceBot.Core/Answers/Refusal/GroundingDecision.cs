namespace ServiceBot.Answers.Refusal;

/// <summary>
/// How an answer was decided: whether the coverage thresholds let the judged clause answer, the <see cref="GroundingFeatures"/>
/// of that clause (unless the hard rule refused), the refusal model's probability (when a model ran), and the outcome.
/// </summary>
/// <param name="RuleAnswers">The coverage thresholds' verdict on the judged clause: the outcome when no model runs.</param>
public sealed record GroundingDecision(bool RuleAnswers, IReadOnlyList<double>? Features, double? Probability, bool Answers)
{
    /// <summary>
    /// The hard rule refused, by the part <paramref name="rule"/> names (no clause covers any of the question, the clause
    /// lacks the figure asked for, or it is about another field), so the model was not asked.
    /// </summary>
    public static GroundingDecision HardRefused(HardRule rule) => new(false, null, null, false) { HardRule = rule };

    /// <summary>
    /// The nearest annotated question was answered by clauses the knowledge does not hold (the laws, when only
    /// <c>knowledge/</c> is indexed), so the question was refused before the model.
    /// </summary>
    public bool AbsentKnowledge { get; init; }

    /// <summary>Whether the hard rule refused before any threshold or model was consulted.</summary>
    public bool IsHardRefusal => Features is null && !Answers;

    /// <summary>Which part of the hard rule refused; null unless <see cref="IsHardRefusal"/>.</summary>
    public HardRule? HardRule { get; init; }
}

/// <summary>The parts of the hard rule, the refusals no model may overturn.</summary>
public enum HardRule
{
    /// <summary>No clause holds any of the question's words.</summary>
    NoClauseCovers,

    /// <summary>The question asks a figure, date, place or similar that the best clause does not state (<see cref="SpecificAsk"/>).</summary>
    SpecificUnstated,

    /// <summary>Much of the question is in words no clause uses, and the best clause does not cover most of it.</summary>
    AnotherField,
}
