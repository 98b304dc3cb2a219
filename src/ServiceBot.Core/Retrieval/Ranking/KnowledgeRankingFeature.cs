namespace ServiceBot.Retrieval.Ranking;

/// <summary>
/// What the knowledge base's second stage adds to the lexical <see cref="RankingFeature"/>s: how the answer composer
/// judges a candidate (coverage, taught questions) and what kind of text it is. Like the lexical features, none names a
/// clause or a document, so the model carries over to knowledge it was not trained on.
/// </summary>
public enum KnowledgeRankingFeature
{
    /// <summary>The composer's coverage of the question: the clause's text or a linked 相似问法, whichever is higher (0–1).</summary>
    Coverage,

    /// <summary>Coverage by the clause's title, heading path and text alone (0–1).</summary>
    TextCoverage,

    /// <summary>The best match of the question with one of the clause's linked questions (0–1; 0 when none reaches the match floor).</summary>
    QuestionMatch,

    /// <summary>Coverage over the best coverage among the candidates (0–1).</summary>
    CoverageRelative,

    /// <summary>Coverage of the question's domain words alone (0–1; 0 when it has none).</summary>
    DomainCoverage,

    /// <summary>Coverage by the clause's heading path and section label: a guide section or FAQ named in the question (0–1).</summary>
    SectionCoverage,

    /// <summary>
    /// 1 when the clause is the guide section the question's wording asks for (材料 → 所需材料, 多久 → 办理时限) and the
    /// guide's title names one of the question's domain words, if it has any.
    /// </summary>
    AskedSection,

    /// <summary>1-based rank in the knowledge base's search; past the search's results for a clause found only by a taught question.</summary>
    RetrievalRank,

    /// <summary>Kind of text: 0 law or other, 1 policy, 2 task guide, 3 news.</summary>
    ClauseKind,

    /// <summary>Linked questions the clause carries: a clause the maintainers taught is one people ask about.</summary>
    TaughtQuestions,

    /// <summary>
    /// The best coverage of the question by one sentence of the clause's text (0–1): a long clause whose words for the
    /// question lie in one sentence answers it more surely than one that has them scattered over unrelated sentences.
    /// </summary>
    SentenceCoverage,

    /// <summary>
    /// The share of the question's character bigrams that the clause's linked questions (相似问法, a FAQ's question) use
    /// between them (0–1); 0 for a clause without any. Unlike <see cref="QuestionMatch"/> it needs no shared word and has no
    /// floor: a lay paraphrase that shares characters but not words (技术等级 for 技能等级, 不一样 beside 区别) still scores.
    /// </summary>
    LinkedQuestionBigrams,

    /// <summary>
    /// How strongly the annotated questions nearest the question (<see cref="AnnotatedQuestionIndex"/>: linked questions and
    /// labelled lay questions) name the clause: the sum of their scores over the nearest one's (0 when none names it).
    /// </summary>
    NeighbourVote,

    /// <summary>The best score of a nearest annotated question naming the clause over the nearest one's (0–1).</summary>
    NeighbourBest,

    /// <summary>
    /// How close that best neighbour is in absolute terms: its score over what the question itself would score (0–1), so a
    /// clause named only by far neighbours is told from one named by a near rewording.
    /// </summary>
    NeighbourSimilarity,
}

/// <summary>Names of the knowledge ranker's features in model order: the lexical ones, then <see cref="KnowledgeRankingFeature"/>.</summary>
public static class KnowledgeRankingFeatures
{
    public static readonly IReadOnlyList<string> Names = [.. RankingFeatures.Names, .. Enum.GetNames<KnowledgeRankingFeature>()];

    public static int Count => Names.Count;

    /// <summary>Position of <paramref name="feature"/> in a feature row.</summary>
    public static int IndexOf(KnowledgeRankingFeature feature) => RankingFeatures.Count + (int)feature;
}
