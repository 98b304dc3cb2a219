using ServiceBot.Ingestion;
using ServiceBot.Knowledge;
using ServiceBot.Knowledge.Reading;
using ServiceBot.Knowledge.Validity;

namespace ServiceBot.Server.Staff.Admin.Knowledge;

/// <summary>One indexed document as CONTRACT §6 lists it (<c>GET /api/admin/documents</c>).</summary>
/// <param name="Source">The title, as citations name it.</param>
/// <param name="Clauses">How many chunks (clauses, articles, sections) it was cut into.</param>
/// <param name="UpdatedAt">The file's last change, in the service's time zone.</param>
public sealed record DocumentSummary(
    string Source,
    string Type,
    string Validity,
    string? Effective,
    string? Expires,
    string? SupersededBy,
    int Clauses,
    DateTimeOffset? UpdatedAt)
{
    /// <summary>The document id (path below its knowledge folder); not part of the contract, used to replace a document.</summary>
    public string? Id { get; init; }

    /// <summary>Whether it was uploaded through the console and so may be replaced there; not part of the contract.</summary>
    public bool Replaceable { get; init; }
}

/// <summary>Lists the documents of the knowledge base in service, with the file each came from (the index manifest).</summary>
public static class DocumentCatalog
{
    public static IReadOnlyList<DocumentSummary> List(KnowledgeBase knowledge, string indexFolder, TimeZoneInfo zone)
    {
        var manifest = IngestionManifest.TryLoad(new IndexFiles(indexFolder).Manifest);
        var fileOfChunk = (manifest?.Files ?? [])
            .SelectMany(f => f.ChunkIds.Select(id => (id, f.Path)))
            .GroupBy(p => p.id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Path, StringComparer.Ordinal);
        var today = knowledge.Today;
        return knowledge.Chunks
            .GroupBy(c => c.DocumentId, StringComparer.Ordinal)
            .Select(document =>
            {
                var first = document.First();
                var validity = DocumentValidity.Of(first.Metadata, today);
                return new DocumentSummary(
                    first.Title,
                    first.Metadata.GetValueOrDefault(MetadataKeys.Type) ?? "",
                    validity.Status,
                    validity.Effective?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                    DocumentValidity.DateOf(first.Metadata, MetadataKeys.Expires)?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                    validity.SupersededBy,
                    document.Count(),
                    fileOfChunk.TryGetValue(first.Id, out var path) && File.Exists(path)
                        ? TimeZoneInfo.ConvertTime(new DateTimeOffset(File.GetLastWriteTimeUtc(path), TimeSpan.Zero), zone)
                        : null) { Id = document.Key };
            })
            .OrderBy(d => d.Source, StringComparer.Ordinal)
            .ToList();
    }
}
