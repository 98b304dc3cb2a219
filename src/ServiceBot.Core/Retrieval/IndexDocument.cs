namespace ServiceBot.Retrieval;

/// <summary>One retrievable unit: a clause or article with the fields the ranker weighs separately.</summary>
/// <param name="Id">Stable identifier (chunk id or external corpus id).</param>
/// <param name="Title">Document title or law name.</param>
/// <param name="Section">Heading path or article number, e.g. "四、(八)" or "第十四条".</param>
/// <param name="Text">The clause text itself.</param>
/// <param name="Questions">Similar questions (相似问法) the maintainers linked to this unit; empty for external corpora.</param>
public sealed record IndexDocument(string Id, string Title, string Section, string Text, IReadOnlyList<string>? Questions = null)
{
    public IReadOnlyList<string> Questions { get; init; } = Questions ?? [];
}

/// <summary>A ranked result.</summary>
public sealed record SearchHit(string Id, float Score)
{
    /// <summary>Ids of the near-duplicates collapsed into this hit (see <c>NearDuplicateGroups</c>), in index order.</summary>
    public IReadOnlyList<string> Twins { get; init; } = [];
}
