using System.Text;
using System.Text.Json;
using ServiceBot.Knowledge.Chunking;

namespace ServiceBot.Ingestion;

/// <summary>A chunk with the file and file hash it came from, so an unchanged file's chunks can be reused as stored.</summary>
public sealed record StoredChunk(
    string Id,
    string DocumentId,
    string Title,
    string Section,
    string HeadingPath,
    string Text,
    IReadOnlyDictionary<string, string> Metadata,
    string Source,
    string SourceHash,
    IReadOnlyList<string>? SimilarQuestions = null,
    IReadOnlyList<string>? LinkedQuestions = null)
{
    /// <summary>The document's own 相似问法, then those of the questions/ side files (<see cref="LinkedQuestions"/>).</summary>
    public IReadOnlyList<string> AllQuestions
        => LinkedQuestions is not { Count: > 0 } ? SimilarQuestions ?? []
            : [.. (SimilarQuestions ?? []).Concat(LinkedQuestions).Distinct(StringComparer.Ordinal)];

    public static StoredChunk From(KnowledgeChunk chunk, string source, string sourceHash)
        => new(chunk.Id, chunk.DocumentId, chunk.Title, chunk.Section, chunk.HeadingPath, chunk.Text, chunk.Metadata, source, sourceHash,
            chunk.SimilarQuestions.Count > 0 ? chunk.SimilarQuestions : null);

    public KnowledgeChunk ToChunk() => new(Id, DocumentId, Title, Section, HeadingPath, Text, Metadata, AllQuestions);
}

/// <summary>Reads and writes chunks.jsonl: one <see cref="StoredChunk"/> per line.</summary>
public static class ChunkStore
{
    private static readonly JsonSerializerOptions Json = new(IngestionManifest.Json) { WriteIndented = false };

    public static IReadOnlyList<StoredChunk> Load(string path)
    {
        if (!File.Exists(path)) return [];
        var chunks = new List<StoredChunk>();
        var number = 0;
        foreach (var line in File.ReadLines(path, Encoding.UTF8))
        {
            number++;
            if (line.Length == 0) continue;
            chunks.Add(JsonSerializer.Deserialize<StoredChunk>(line, Json)
                ?? throw new InvalidDataException($"{path}:{number}: empty chunk record. Run ingest again."));
        }
        return chunks;
    }

    public static void Save(string path, IEnumerable<StoredChunk> chunks)
        => IndexFiles.WriteAtomically(path, stream =>
        {
            using var writer = new StreamWriter(stream, new UTF8Encoding(false));
            foreach (var chunk in chunks) writer.WriteLine(JsonSerializer.Serialize(chunk, Json));
        });
}
