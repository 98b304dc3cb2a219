using System.ComponentModel.DataAnnotations;
using ServiceBot.Retrieval.Duplicates;
using ServiceBot.Retrieval.Ranking;

namespace ServiceBot.Retrieval.Lexical;

/// <summary>Ranking parameters of the lexical index; the defaults are tuned on STARD's development split.</summary>
public sealed class LexicalIndexOptions
{
    [Range(0.01, 10)] public float K1 { get; set; } = 1.2f;
    [Range(0, 1)] public float B { get; set; } = 0.75f;

    /// <summary>Weight of jieba word matches.</summary>
    [Range(0, 10)] public float WordWeight { get; set; } = 1f;

    /// <summary>Weight of character-bigram matches.</summary>
    [Range(0, 10)] public float BigramWeight { get; set; } = 1f;

    /// <summary>
    /// Weight of matches in the similar-question field. A question the maintainers linked to a clause is
    /// strong evidence, so it outweighs the clause's own wording.
    /// </summary>
    [Range(0, 10)] public float QuestionWeight { get; set; } = 2f;

    /// <summary>Share of the better neighbouring clause's score that a clause inherits.</summary>
    [Range(0, 1)] public float NeighborWeight { get; set; } = 0.2f;

    /// <summary>Weight of the document-level evidence (mean of its best clause scores).</summary>
    [Range(0, 10)] public float GroupWeight { get; set; } = 1f;

    /// <summary>How many of a document's best clauses make its evidence.</summary>
    [Range(1, 100)] public int GroupTopClauses { get; set; } = 5;

    /// <summary>
    /// The second stage: a tree ensemble over <see cref="RankingFeature"/>; null (the default) keeps the first
    /// stage's order. <see cref="LexicalRanker.Default"/> is trained on statute retrieval (STARD) and is used where
    /// that is the task (<c>search</c> over an external corpus); the knowledge base's policies and guides differ
    /// too much from statutes for it.
    /// </summary>
    public TreeEnsemble? Ranker { get; set; }

    /// <summary>
    /// Shingle Jaccard at or above which a clause is a near-duplicate (twin) of an earlier one when the index is
    /// built; 0 turns detection off. Below 0.5 banding would miss pairs, so 0 &lt; threshold &lt; 0.5 is rejected.
    /// </summary>
    [Range(0, 1)] public double NearDuplicateThreshold { get; set; } = NearDuplicateDetection.DefaultThreshold;

    /// <summary>
    /// Lay → statute words learned from judged pairs, added to a query's words before the first stage; null (the
    /// default) adds none. <see cref="TermTranslations.Default"/> is learned on STARD and used with
    /// <see cref="LexicalRanker.Default"/>, whose features were computed with it.
    /// </summary>
    public TermTranslations? Translations { get; set; }

    /// <summary>
    /// Weight of a translated word, times its learned strength (below 1), relative to a word the user typed: a
    /// translation never counts as much as the word itself.
    /// </summary>
    [Range(0, 1)] public float TranslationWeight { get; set; } = 1f;

    /// <summary>Most translated words added to one query, strongest first: each walks its postings in both stages.</summary>
    [Range(0, 1000)] public int MaxTranslationsPerQuery { get; set; } = 10;

    /// <summary>
    /// How often judged questions cite each law, learned from STARD; null (the default) leaves first-stage scores as
    /// the words make them. <see cref="LawPrior.Default"/> is learned with <see cref="LexicalRanker.Default"/>.
    /// </summary>
    public LawPrior? LawPrior { get; set; }

    /// <summary>
    /// A candidate clause's first-stage score is multiplied by 1 + this × P(its law | the query's words)^<see cref="LawPriorExponent"/>.
    /// A multiple rather than an addition, so the prior means the same against a query's large or small BM25 scores.
    /// </summary>
    [Range(0, 10)] public float LawPriorWeight { get; set; } = 0.7f;

    /// <summary>Exponent on a law's probability given the query (below 1 flattens the prior toward the less cited laws).</summary>
    [Range(0.05, 2)] public float LawPriorExponent { get; set; } = 0.3f;

    /// <summary>
    /// Questions' worth of the overall law shares mixed into each word's law counts: a word seen in few questions
    /// says little, and its laws fall back toward the overall shares.
    /// </summary>
    [Range(0.01, 1000)] public float LawPriorSmoothing { get; set; } = 2f;

    /// <summary>How many first-stage candidates the second stage reorders.</summary>
    [Range(1, 10000)] public int RerankDepth { get; set; } = 100;

    /// <summary>
    /// Search over an external corpus of statutes (<c>search</c>): <see cref="StatuteScoring"/>, the shipped term
    /// translations, law prior and the second stage trained with them, each left out when its file is absent.
    /// </summary>
    public static LexicalIndexOptions ForStatutes()
    {
        var options = StatuteScoring();
        options.Ranker = LexicalRanker.Default;
        options.Translations = TermTranslations.Default;
        options.LawPrior = Ranking.LawPrior.Default;
        return options;
    }

    /// <summary>
    /// The first stage's parameters for statutes, chosen by cross-validated recall on STARD with the term translations
    /// and the law prior in place: gentler term saturation and length normalisation (a statute article is long and
    /// repeats its terms; a lay question names each once) and less document evidence, since the law prior already
    /// says which laws a question is about. The knowledge base keeps the defaults.
    /// </summary>
    public static LexicalIndexOptions StatuteScoring() => new() { K1 = 0.8f, B = 0.5f, NeighborWeight = 0.25f, GroupWeight = 0.4f };
}
