namespace ServiceBot.Answers.Refusal;

/// <summary>
/// How an answer was decided: whether the grounding rule let the best clause answer, the <see cref="GroundingFeatures"/>
/// of that clause (when it did), the refusal model's probability (when a model ran), and the outcome.
/// </summary>
public sealed record GroundingDecision(bool RuleAnswers, IReadOnlyList<double>? Features, double? Probability, bool Answers)
{
    /// <summary>The rule refused: no clause covers the question well enough, so the model was not asked.</summary>
    public static readonly GroundingDecision RuleRefused = new(false, null, null, false);
}
