
namespace ServiceBot.Answers.Refusal;

/// <summary>
/// What the refusal model reads about a question and the clause that would answer it, all on 0–1 scales (or small
/// counts) that compare across questions. The grounding rule already computes most of them; here they are gathered
/// in a fixed order, the order of <see cref="Names"/>, which a model file must name exactly.
/// </summary>
public static class GroundingFeatures
{
    /// <summary>The features in vector order.</summary>
    public static readonly IReadOnlyList<string> Names =
    [
        "coverage",          // the clause's coverage of the question, by its text or a taught 相似问法 (or the asked guide section's bonus)
        "text_coverage",     // coverage by the clause's own text, title and heading path
        "taught_match",      // how far a 相似问法 match (or a guide bonus) lifts coverage above the text's
        "content_coverage",  // coverage of the question's words outside the domain dictionary (1 when it has none)
        "domain_coverage",   // coverage of its domain-dictionary words (0 when it has none)
        "domain_share",      // share of the question's weight on domain words
        "foreign_share",     // share of its weight on words no clause uses
        "uncovered_peak",    // the heaviest word the clause lacks, as a share of the question's weight
        "margin",            // coverage lead over the next candidate
        "word_count",        // ln(1 + typed content words)
        "figure_unstated",   // asks for a number, amount or date the clause does not state
        "via_guide",         // answered from a task's guide as a question about that task
        "uncovered_word",    // weight of the heaviest word (two characters or more) the clause lacks, over 16
        "uncovered_rare",    // ln(1 + words of weight 5 or more the clause lacks): 护照, 低保, 利率
        "covered_word",      // weight of the heaviest word the clause holds, over 16
        "uncovered_domain",  // share of the question's weight on domain words the clause lacks (结婚登记, 驾照)
        "thresholds_pass",   // the coverage thresholds let the clause answer (the verdict without a model)
        "in_domain",         // the question uses a domain-dictionary word
        "ranker_confidence", // the knowledge ranker's score of its first clause, squashed to 0–1 (0.5 without the ranker)
        "ranker_margin",     // how far that score leads the second, tanh (0 without the ranker)
        "ranker_coverage",   // coverage of the question by the ranker's first clause
        "question_match",    // the best match with any taught 相似问法
        "named_unstated",    // names a city or platform the clause does not (深圳的驿站, 美团的规定): a local rule the knowledge lacks
        "aspect_unstated",   // asks hours, a start date, an address, a person, which of two ways (…还是…) or how to get a thing (…咋申请) the clause does not state (周六上班不, 在哪栋楼, 叫啥)
        "asks_judgement",    // asks a verdict on a case, a prediction or a choice between firms (能赢吗, 会涨吗, 哪个平台更好)
        "neighbour_similarity", // how close the nearest annotated question that was answered is
        "figure_kind_unstated", // asks money, a rate, a count or a year and no cited clause states one of that kind (2027 is no income)
        "payer_unstated",    // asks who pays or builds and no cited clause names a payer (驿站是哪个单位出钱盖的)
        "personal_record",   // asks to look up the asker's own record (你能查到我社保交了几年吗)
        "asked_part_coverage", // coverage of the message's last phrase, where it asks, apart from the story before it
        "asked_part_uncovered", // weight of the heaviest word of that phrase the clause lacks, over 16 (驿站里有冰箱没: 冰箱)
        "subject_uncovered", // weight of the heaviest word of a 那… subject the clause lacks, over 16 (那110呢 打了没人管: 110)
        "english",           // the question is in English: fewer taught questions, other words
        "english_neighbour_similarity", // neighbour_similarity again for an English question, 0 otherwise: its neighbours are fewer and read by the word
    ];

    /// <summary>Weights run to about twice the largest idf (a domain word the knowledge never uses); this brings them near 0–1.</summary>
    private const double WeightScale = 16;

    /// <summary>A word this heavy is rare in the knowledge: it names what the question is about.</summary>
    private const double RareWeight = 5;

    /// <summary>Features for <paramref name="best"/> answering a question of <paramref name="terms"/>.</summary>
    /// <param name="clauseText">Text the clause covers the question with: title, heading path and clause.</param>
    /// <param name="runnerUp">Coverage of the next candidate, 0 when none.</param>
    /// <param name="signals">What the composer knows beyond the clause: the thresholds' verdict, the ranker's scores, the taught match.</param>
    /// <param name="normalized"><paramref name="clauseText"/> as <see cref="Text.TextNormalizer.Normalize"/> folds it; every coverage reads it.</param>
    /// <param name="alsoCited">Texts of the other clauses the reply would cite: an asked figure or payer one of them states is not unstated.</param>
    public static double[] Of(string question, IReadOnlyList<QueryTerm> terms, string clauseText, string normalized, double coverage, double runnerUp,
        bool viaGuide, DecisionSignals signals, IReadOnlyList<string>? alsoCited = null)
    {
        IReadOnlyList<string> cited = [clauseText, .. alsoCited ?? []];
        var english = Knowledge.KnowledgeLanguage.OfQuestion(question) == Localization.BotLanguages.English;
        var textCoverage = GroundingScorer.CoverageOfNormalized(terms, normalized);
        var content = terms.Where(t => !t.IsDomain).ToList();
        var domain = terms.Where(t => t.IsDomain).ToList();
        double total = terms.Sum(t => t.Weight);
        var missing = terms.Where(t => !t.Forms.Any(f => normalized.Contains(f, StringComparison.Ordinal))).ToList();
        var uncovered = missing.Select(t => (double)t.Weight).DefaultIfEmpty(0).Max();
        var missingWords = missing.Where(t => t.Word.Length > 1).ToList();
        var coveredPeak = terms.Where(t => t.Word.Length > 1).Except(missing).Select(t => (double)t.Weight).DefaultIfEmpty(0).Max();
        return
        [
            coverage,
            textCoverage,
            Math.Max(0, coverage - textCoverage),
            content.Count == 0 ? 1 : GroundingScorer.CoverageOfNormalized(content, normalized),
            domain.Count == 0 ? 0 : GroundingScorer.CoverageOfNormalized(domain, normalized),
            total == 0 ? 0 : domain.Sum(t => t.Weight) / total,
            GroundingScorer.ForeignShare(terms),
            total == 0 ? 0 : uncovered / total,
            Math.Max(0, coverage - runnerUp),
            Math.Log(1 + terms.Count),
            SpecificAsk.AsksFigure(question) && !SpecificAsk.StatesFigure(clauseText) ? 1 : 0,
            viaGuide ? 1 : 0,
            missingWords.Select(t => (double)t.Weight).DefaultIfEmpty(0).Max() / WeightScale,
            Math.Log(1 + missingWords.Count(t => t.Weight >= RareWeight)),
            coveredPeak / WeightScale,
            total == 0 ? 0 : missing.Where(t => t.IsDomain).Sum(t => t.Weight) / total,
            signals.ThresholdsPass ? 1 : 0,
            signals.InDomain ? 1 : 0,
            signals.RankerConfidence,
            signals.RankerMargin,
            signals.RankerTopCoverage,
            signals.QuestionMatch,
            NamedPlaces.NamesOneTheClauseLacks(question, normalized) ? 1 : 0,
            AskedAspect.IsUnstated(question, clauseText) || AskedAlternative.Unstated(question, terms, normalized)
                || AskedProcedure.Unstated(question, terms, normalized) ? 1 : 0,
            AskedAspect.AsksJudgement(question) ? 1 : 0,
            signals.NeighbourSimilarity,
            cited.All(text => AskedKind.FigureOfKindUnstated(question, text)) ? 1 : 0,
            cited.All(text => AskedKind.PayerUnstated(question, text)) ? 1 : 0,
            AskedKind.AsksPersonalRecord(question) ? 1 : 0,
            AskedPart.Coverage(question, terms, normalized),
            AskedPart.UncoveredPeak(question, terms, normalized) / WeightScale,
            NamedSubject.UncoveredPeak(question, terms, normalized) / WeightScale,
            english ? 1 : 0,
            english ? signals.NeighbourSimilarity : 0,
        ];
    }
}
