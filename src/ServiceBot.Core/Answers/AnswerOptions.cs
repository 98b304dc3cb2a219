using System.ComponentModel.DataAnnotations;

namespace ServiceBot.Answers;

/// <summary>Settings bound from the <c>Answers</c> configuration section; the defaults suit the offline engine.</summary>
public sealed class AnswerOptions
{
    public const string SectionName = "Answers";

    /// <summary>Retrieved clauses examined for grounding and citation.</summary>
    [Range(1, 100)] public int Candidates { get; set; } = 10;

    /// <summary>Most citations returned.</summary>
    [Range(1, 10)] public int MaxCitations { get; set; } = 3;

    /// <summary>
    /// Least share of the question's information (idf-weighted content words) the best clause must contain
    /// for the answer to count as grounded.
    /// </summary>
    [Range(0.0, 1.0)] public double MinCoverage { get; set; } = 0.6;

    /// <summary>Least coverage when the question contains a domain-dictionary word.</summary>
    [Range(0.0, 1.0)] public double MinDomainCoverage { get; set; } = 0.3;

    /// <summary>
    /// Below <see cref="MinCoverage"/>, least share of the question's other words (those outside the domain dictionary:
    /// 美国, 补办, 押金) the clause must also contain; domain words alone (网约车司机, 身份证) do not make it an answer.
    /// </summary>
    [Range(0.0, 1.0)] public double MinContentCoverage { get; set; } = 0.1;

    /// <summary>How much more a domain-dictionary word weighs than its idf alone.</summary>
    [Range(1.0, 10.0)] public double DomainWordWeight { get; set; } = 2.0;

    /// <summary>
    /// Without the knowledge ranker, a further citation must cover at least this share of what the best one covers; with it,
    /// the further citations are the ranker's next clauses.
    /// </summary>
    [Range(0.0, 1.0)] public double CitationCoverageRatio { get; set; } = 0.6;

    /// <summary>Longest quote in the answer text; citations always carry the full clause.</summary>
    [Range(20, 2000)] public int QuoteMaxLength { get; set; } = 160;

    /// <summary>Longest opening sentence; a longer one is cut at a comma.</summary>
    [Range(20, 500)] public int LeadMaxLength { get; set; } = 120;

    /// <summary>
    /// Least match between the question and a clause's 相似问法 (both directions' coverage, harmonic mean) for the clause
    /// to count as covering the question that well.
    /// </summary>
    [Range(0.0, 1.0)] public double MinQuestionMatch { get; set; } = 0.55;

    /// <summary>
    /// How near (character-bigram BM25 against a perfect match) a question the coverage thresholds do not ground must be to
    /// an annotated question whose clauses the knowledge does not hold, and nearer than to any it does, to be refused: the
    /// knowledge that answers it (the laws, when only <c>knowledge/</c> is indexed) is missing. Never fires when the
    /// knowledge holds every annotated clause.
    /// </summary>
    [Range(0.0, 1.0)] public double MinAbsentNeighbourSimilarity { get; set; } = 0.5;

    /// <summary>For a question about a task, what the guide section its wording asks for (材料 → 所需材料) adds to its coverage.</summary>
    [Range(0.0, 1.0)] public double AskedSectionBonus { get; set; } = 0.3;

    /// <summary>
    /// Least coverage (with <see cref="AskedSectionBonus"/>) of a question about a task by the task's guide for the guide to
    /// answer it; below it the question is answered, or refused, like any other.
    /// </summary>
    [Range(0.0, 1.0)] public double MinGuideCoverage { get; set; } = 0.2;

    /// <summary>
    /// Largest share of a question's weight that may fall on words of another field (<see cref="GroundingScorer.ForeignShare"/>)
    /// for it to be answered at all.
    /// </summary>
    [Range(0.0, 1.0)] public double MaxForeignShare { get; set; } = 0.6;

    /// <summary>
    /// Whether the refusal model (<see cref="Refusal.RefusalModel"/>) decides every question the hard rule lets through;
    /// off, the coverage thresholds above decide.
    /// </summary>
    public bool UseRefusalModel { get; set; } = true;

    /// <summary>
    /// The refusal model file; empty means the shipped <c>answers/refusal-model.json</c> beside the program, and the rule
    /// alone when that is absent. A configured file must exist and load, or the service does not start.
    /// </summary>
    public string? RefusalModelPath { get; set; }

    /// <summary>Least answer probability under the refusal model; empty means the threshold stored with the model.</summary>
    [Range(0.0, 1.0)] public double? MinAnswerProbability { get; set; }

    /// <summary>Most nearby topics a refusal offers as quick replies.</summary>
    [Range(0, 10)] public int RefusalTopics { get; set; } = 3;
}
