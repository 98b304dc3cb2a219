namespace ServiceBot.Retrieval.Ranking;

/// <summary>
/// The second stage's features of one candidate clause, in model order. Every one is computed from the query,
/// the clause's text, title and article number and the first stage; none encodes a document id or where
/// the document came from, so a model generalises to clauses it never saw.
/// </summary>
public enum RankingFeature
{
    /// <summary>BM25 of the jieba-word field.</summary>
    WordScore,

    /// <summary>BM25 of the character-bigram field.</summary>
    BigramScore,

    /// <summary>BM25 of the similar-question field (words and bigrams).</summary>
    QuestionScore,

    /// <summary>The better neighbouring clause's combined field score.</summary>
    NeighborScore,

    /// <summary>The document's evidence: mean of its best clause scores.</summary>
    GroupScore,

    /// <summary>First-stage score over the query's best first-stage score (0–1).</summary>
    FirstStageRelative,

    /// <summary>1-based first-stage rank.</summary>
    FirstStageRank,

    /// <summary>Word BM25 over the best word BM25 among the candidates (0–1).</summary>
    WordScoreRelative,

    /// <summary>Bigram BM25 over the best bigram BM25 among the candidates (0–1).</summary>
    BigramScoreRelative,

    /// <summary>Idf-weighted share of the typed query words the clause contains (0–1).</summary>
    WordCoverage,

    /// <summary>Idf-weighted share of the query's character bigrams the clause contains (0–1).</summary>
    BigramCoverage,

    /// <summary>Idf-weighted share of the typed query words found in the document title (0–1).</summary>
    TitleCoverage,

    /// <summary>1 when the query names an article (第X条), else 0.</summary>
    ArticleNamed,

    /// <summary>1 when the clause is the article the query names, else 0.</summary>
    ArticleMatch,

    /// <summary>Words in the clause.</summary>
    ClauseLength,

    /// <summary>Typed content words in the query.</summary>
    QueryLength,

    /// <summary>1-based rank of the clause's document among the candidates' documents by evidence.</summary>
    GroupRank,

    /// <summary>Share of the candidates that belong to the clause's document (0–1).</summary>
    GroupShare,

    /// <summary>How many typed query words the clause contains.</summary>
    MatchedWords,

    /// <summary>Idf of the rarest typed query word the clause lacks (0 when it has them all).</summary>
    UnmatchedMaxIdf,

    /// <summary>The better neighbouring clause's <see cref="WordCoverage"/>.</summary>
    NeighborCoverage,

    /// <summary>Idf-weighted share of the typed query words that the document's candidate clauses contain together (0–1).</summary>
    GroupCoverage,

    /// <summary>Clauses in the document: codes and major laws are cited far more than short rules.</summary>
    GroupSize,

    /// <summary>The clause's article number (-1 when it has none).</summary>
    ArticlePosition,

    /// <summary>Article number over the document's last article number: general provisions come first.</summary>
    RelativePosition,

    /// <summary>Kind of document by its title: 0 other, 1 law (…法), 2 regulation (…条例), 3 judicial interpretation (最高人民…), 4 rules (…办法/规定/细则).</summary>
    TitleKind,
}

/// <summary>Names of <see cref="RankingFeature"/> in model order.</summary>
public static class RankingFeatures
{
    public static readonly IReadOnlyList<string> Names = Enum.GetNames<RankingFeature>();

    public static int Count => Names.Count;
}
