using System.Text.Json.Nodes;
using ServiceBot.Answers.Refusal;
using ServiceBot.Knowledge;
using ServiceBot.Knowledge.Reading;
using ServiceBot.Retrieval;
using ServiceBot.Retrieval.Ranking;

namespace ServiceBot.Answers.HitTesting;

/// <summary>How the answer composer would judge the clauses it examines for a question.</summary>
/// <param name="InDomain">Whether the question uses a domain word (the lower coverage threshold applies).</param>
/// <param name="Coverage">Coverage of the clauses the answer composer examines, by chunk id.</param>
public sealed record HitTestGrounding(AnswerOptions Options, bool InDomain, IReadOnlyDictionary<string, double> Coverage);

/// <summary>What the composer would finally do with the question: answer (and which clause it opens with) or refuse, and why.</summary>
/// <param name="HardRefusal">Whether the hard rule refused before the thresholds or the model were consulted.</param>
/// <param name="RuleAnswers">Whether the coverage thresholds let the judged clause answer (the outcome when no model runs).</param>
/// <param name="Probability">The refusal model's probability that the answer is right; null when the model was not asked.</param>
/// <param name="MinAnswerProbability">The model's threshold in force for the question's language.</param>
/// <param name="Lead">The clause the answer opens with (《title》section); null for a refusal.</param>
/// <param name="HardRule">Which part of the hard rule refused, when it did.</param>
public sealed record HitTestDecision(bool Answers, bool HardRefusal, bool RuleAnswers, double? Probability, double MinAnswerProbability, string? Lead,
    bool AbsentKnowledge = false, HardRule? HardRule = null);

/// <summary>
/// Hit testing for the people who maintain the knowledge (<c>search --explain</c>, the admin console): how a question was
/// analysed, the top clauses with every ranking signal, and each clause's grounding coverage against its threshold.
/// </summary>
public sealed record HitTest(string Question, SearchExplanation Explanation, KnowledgeBase Knowledge, HitTestGrounding Grounding,
    ExtractiveAnswerComposer Composer, HitTestDecision Decision)
{
    public static HitTest Run(KnowledgeBase knowledge, ExtractiveAnswerComposer composer, AnswerOptions options, string question, int top)
    {
        // The composer reads an English question with its typos corrected; the explanation shows the same reading.
        var read = KnowledgeLanguage.OfQuestion(question) == Localization.BotLanguages.English ? knowledge.EnglishSpelling.Correct(question).Text : question;
        var explanation = knowledge.Lexical.Explain(read, top);
        var terms = new GroundingScorer(knowledge.Lexical, (float)options.DomainWordWeight, knowledge.EnglishFieldWords).Terms(read);
        var grounding = new HitTestGrounding(options, terms.Any(t => t.IsDomain),
            composer.Candidates(knowledge, question).ToDictionary(c => c.Retrieved.Chunk.Id, c => c.Coverage, StringComparer.Ordinal));
        var answer = composer.Compose(knowledge, question);
        var decision = new HitTestDecision(answer.Grounded, answer.Decision?.IsHardRefusal ?? false, answer.Decision?.RuleAnswers ?? answer.Grounded,
            answer.Decision?.Probability,
            composer.MinAnswerProbabilityFor(question), answer.Grounded && answer.Citations.Count > 0 ? $"《{answer.Citations[0].Source}》{answer.Citations[0].Section}" : null,
            answer.Decision?.AbsentKnowledge ?? false, answer.Decision?.HardRule);
        return new HitTest(question, explanation, knowledge, grounding, composer, decision);
    }

    /// <summary>The clause's coverage and whether it reaches the threshold; null when the composer does not examine it.</summary>
    public (double Coverage, bool Grounded)? GroundingOf(string chunkId)
        => Grounding.Coverage.TryGetValue(chunkId, out var coverage) ? (coverage, Composer.IsGrounded(coverage, Grounding.InDomain)) : null;
}

/// <summary>The JSON of a hit test, shared by <c>search --explain --json</c> and <c>GET /api/admin/hittest</c>.</summary>
public static class HitTestJson
{
    /// <summary>The JSON form of <paramref name="test"/>: the analysed query, the ranking settings, the grounding thresholds and each hit.</summary>
    public static JsonObject ToJson(HitTest test)
    {
        var (question, explanation, knowledge, grounding, composer) = (test.Question, test.Explanation, test.Knowledge, test.Grounding, test.Composer);
        var options = explanation.Options;
        var hits = new JsonArray();
        foreach (var (hit, rank) in explanation.Hits.Select((h, i) => (h, i + 1)))
        {
            var candidate = hit.Candidate;
            var chunk = knowledge.Find(candidate.Id);
            var features = new JsonObject();
            foreach (var feature in Enum.GetValues<RankingFeature>()) features[feature.ToString()] = candidate.Features[(int)feature];
            var item = new JsonObject
            {
                ["rank"] = rank,
                ["id"] = candidate.Id,
                ["source"] = chunk?.Title,
                ["section"] = chunk?.Section,
                // A curated answer is listed for what the ranking saw, yet never cited (CuratedAnswerFile).
                ["type"] = chunk?.Metadata.GetValueOrDefault(MetadataKeys.Type),
                ["firstStage"] = new JsonObject
                {
                    ["rank"] = hit.FirstStageRank,
                    ["score"] = candidate.FirstStageScore,
                    ["words"] = candidate.Parts.Words,
                    ["bigrams"] = candidate.Parts.Bigrams,
                    ["questions"] = candidate.Parts.Questions,
                    ["neighbor"] = candidate.Parts.Neighbor,
                    ["group"] = candidate.Parts.Group,
                },
                ["features"] = features,
            };
            if (hit.Ranker is { } ranker)
            {
                var contributions = new JsonObject();
                foreach (var feature in Enum.GetValues<RankingFeature>()) contributions[feature.ToString()] = Math.Round(ranker.Contributions[(int)feature], 6);
                item["ranker"] = new JsonObject { ["score"] = ranker.Score, ["baseline"] = ranker.Baseline, ["contributions"] = contributions };
            }
            var known = grounding.Coverage.TryGetValue(candidate.Id, out var coverage);
            item["coverage"] = known ? coverage : null;
            item["grounded"] = known ? composer.IsGrounded(coverage, grounding.InDomain) : null;
            hits.Add(item);
        }
        return new JsonObject
        {
            ["question"] = question,
            ["query"] = new JsonObject
            {
                ["corrections"] = new JsonArray(explanation.Query.Corrections
                    .Select(c => (JsonNode)new JsonObject { ["typed"] = c.Typed, ["corrected"] = c.Corrected, ["start"] = c.Start }).ToArray()),
                ["expansions"] = new JsonArray(explanation.Query.Expansions
                    .Select(e => (JsonNode)new JsonObject { ["lay"] = new JsonArray(e.LayPhrases.Select(p => (JsonNode)p).ToArray()), ["policy"] = new JsonArray(e.PolicyWords.Select(p => (JsonNode)p).ToArray()) }).ToArray()),
                ["words"] = TermsJson(explanation.Query.Words),
                ["bigrams"] = TermsJson(explanation.Query.Bigrams),
            },
            ["ranking"] = new JsonObject
            {
                ["wordWeight"] = options.WordWeight,
                ["bigramWeight"] = options.BigramWeight,
                ["questionWeight"] = options.QuestionWeight,
                ["neighborWeight"] = options.NeighborWeight,
                ["groupWeight"] = options.GroupWeight,
                ["reranked"] = explanation.Reranked,
                ["depth"] = explanation.Depth,
            },
            ["grounding"] = new JsonObject
            {
                ["minCoverage"] = grounding.Options.MinCoverage,
                ["minDomainCoverage"] = grounding.Options.MinDomainCoverage,
                ["questionInDomain"] = grounding.InDomain,
            },
            ["decision"] = new JsonObject
            {
                ["answers"] = test.Decision.Answers,
                ["hardRefusal"] = test.Decision.HardRefusal,
                ["hardRule"] = test.Decision.HardRule?.ToString(),
                ["ruleAnswers"] = test.Decision.RuleAnswers,
                ["answerProbability"] = test.Decision.Probability,
                ["minAnswerProbability"] = test.Decision.MinAnswerProbability,
                ["lead"] = test.Decision.Lead,
            },
            ["hits"] = hits,
        };
    }

    private static JsonArray TermsJson(IReadOnlyDictionary<string, float> terms)
        => new(terms.OrderByDescending(t => t.Value)
            .Select(t => (JsonNode)new JsonObject { ["term"] = t.Key, ["weight"] = t.Value, ["expansion"] = t.Value < 1f })
            .ToArray());

}
