using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace ServiceBot.Retrieval.Ranking;

/// <summary>The knowledge base's second stage (<see cref="KnowledgeRanker"/>), section <c>Retrieval</c>.</summary>
public sealed class KnowledgeRankingOptions
{
    public const string SectionName = "Retrieval";

    /// <summary>Whether the answer composer orders its candidates with the knowledge ranker; off, by coverage as before.</summary>
    public bool UseKnowledgeRanker { get; set; } = true;

    /// <summary>The model file; empty means the shipped <c>ranking/knowledge-ranker.json</c>, and none when that is absent.</summary>
    public string? KnowledgeRankerPath { get; set; }

    /// <summary>How many of the knowledge base's search results the ranker orders.</summary>
    [Range(1, 200)] public int KnowledgeRerankDepth { get; set; } = 30;

    /// <summary>
    /// Whether the ranker's neighbour features read the labelled lay questions (<see cref="AnnotatedQuestions"/>) beside the
    /// clauses' linked questions; off, the linked questions alone.
    /// </summary>
    public bool UseAnnotatedQuestions { get; set; } = true;

    /// <summary>The annotated-questions file; empty means the shipped <c>ranking/annotated-questions.jsonl</c>, and none when that is absent.</summary>
    public string? AnnotatedQuestionsPath { get; set; }
}

/// <summary>A configured model must exist, load and match this build's features, and a configured annotated-questions file must load, or the service does not start.</summary>
public sealed class KnowledgeRankingOptionsValidator : IValidateOptions<KnowledgeRankingOptions>
{
    public ValidateOptionsResult Validate(string? name, KnowledgeRankingOptions options)
    {
        try
        {
            KnowledgeRanker.FromOptions(options);
        }
        catch (InvalidDataException error)
        {
            return ValidateOptionsResult.Fail($"{KnowledgeRankingOptions.SectionName}:{nameof(KnowledgeRankingOptions.KnowledgeRankerPath)}: {error.Message}");
        }
        try
        {
            AnnotatedQuestions.FromOptions(options);
            return ValidateOptionsResult.Success;
        }
        catch (InvalidDataException error)
        {
            return ValidateOptionsResult.Fail($"{KnowledgeRankingOptions.SectionName}:{nameof(KnowledgeRankingOptions.AnnotatedQuestionsPath)}: {error.Message}");
        }
    }
}
