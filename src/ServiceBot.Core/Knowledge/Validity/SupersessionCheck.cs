using ServiceBot.Knowledge.Reading;

namespace ServiceBot.Knowledge.Validity;

/// <summary>Ingest-time check that each <c>superseded_by</c> names a document in the knowledge, by title or id.</summary>
public static class SupersessionCheck
{
    /// <param name="documents">Each indexed document once: id, title and metadata.</param>
    /// <returns>One warning per document whose replacement is not in the knowledge.</returns>
    public static IReadOnlyList<string> Warnings(IEnumerable<(string Id, string Title, IReadOnlyDictionary<string, string> Metadata)> documents)
    {
        var list = documents.ToList();
        var known = list.SelectMany(d => new[] { d.Id, d.Title }).ToHashSet(StringComparer.Ordinal);
        var warnings = new List<string>();
        foreach (var (id, _, metadata) in list)
            if (metadata.TryGetValue(MetadataKeys.SupersededBy, out var by) && by.Trim().Trim('《', '》') is { Length: > 0 } target && !known.Contains(target))
                warnings.Add($"{id}：superseded_by “{target}” 不是知识库中任何文档的标题或编号");
        return warnings;
    }
}
