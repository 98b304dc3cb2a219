namespace ServiceBot.Text;

/// <summary>Domain vocabulary for the analyzer.</summary>
public sealed class ChineseAnalyzerOptions
{
    /// <summary>Words the segmenter must keep whole (新就业群体, 职业伤害保障 …).</summary>
    public IReadOnlyList<string> DomainWords { get; init; } = [];

    /// <summary>Groups of words that mean the same thing; a query word pulls in the rest of its group.</summary>
    public IReadOnlyList<IReadOnlyList<string>> SynonymGroups { get; init; } = [];

    /// <summary>Weight of a synonym relative to a word the user typed.</summary>
    public float SynonymWeight { get; init; } = 0.3f;

    /// <summary>One-way associations from lay phrases to the words the documents use (跑单 → 配送).</summary>
    public IReadOnlyList<LayExpansion> LayExpansions { get; init; } = [];

    /// <summary>Weight of a word added by a lay expansion relative to a word the user typed.</summary>
    public float LayExpansionWeight { get; init; } = 0.5f;

    /// <summary>
    /// One-way associations mined from question/clause pairs (mined-lay-terms.txt). They only add search terms: unlike the
    /// hand-written ones they never count as covering a typed word when the answer's grounding is checked.
    /// </summary>
    public IReadOnlyList<LayExpansion> MinedLayExpansions { get; init; } = [];

    /// <summary>Weight of a word added by a mined expansion; below <see cref="LayExpansionWeight"/>, since no one reviewed the pair.</summary>
    public float MinedLayExpansionWeight { get; init; } = 0.3f;

    /// <summary>Real words read as a domain term in the right company (工商 → 工伤 beside 摔/受伤).</summary>
    public IReadOnlyList<Spelling.ContextualCorrection> ContextualCorrections { get; init; } = [];

    /// <summary>Also expand with the general-language thesaurus bundled with the segmenter.</summary>
    public bool UseGeneralThesaurus { get; init; } = true;

    /// <summary>Thesaurus groups larger than this are ignored: they mix senses.</summary>
    public int GeneralThesaurusMaxGroupSize { get; init; } = 4;
}
