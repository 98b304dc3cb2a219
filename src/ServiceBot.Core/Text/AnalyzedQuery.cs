using ServiceBot.Text.Spelling;

namespace ServiceBot.Text;

/// <summary>A query as weighted terms per index field.</summary>
/// <param name="Words">Word terms (from the segmenter, synonym groups and lay expansions) with their weights.</param>
/// <param name="Bigrams">CJK character bigrams with their weights.</param>
public sealed record AnalyzedQuery(IReadOnlyDictionary<string, float> Words, IReadOnlyDictionary<string, float> Bigrams)
{
    public bool IsEmpty => Words.Count == 0 && Bigrams.Count == 0;

    /// <summary>Misspelt domain words that were read as the terms they stand for before analysis (设保 → 社保).</summary>
    public IReadOnlyList<SpellingCorrection> Corrections { get; init; } = [];

    /// <summary>The lay phrases found in the query, each with the document words it added (歇脚 → 驿站, 休息).</summary>
    public IReadOnlyList<LayExpansion> Expansions { get; init; } = [];

    /// <summary>Words only a mined expansion added (工钱 → 工资): search terms, but no evidence that a clause says what was asked.</summary>
    public IReadOnlySet<string> MinedWords { get; init; } = EmptyWords;

    private static readonly IReadOnlySet<string> EmptyWords = new HashSet<string>(StringComparer.Ordinal);
}
