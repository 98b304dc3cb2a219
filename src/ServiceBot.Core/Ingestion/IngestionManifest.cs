using System.Text.Json;
using System.Text.Json.Serialization;

namespace ServiceBot.Ingestion;

/// <summary>One knowledge file as last ingested: its content hash and the chunks it produced, or why it failed.</summary>
public sealed record ManifestFile(string Path, string Root, string Hash, IReadOnlyList<string> ChunkIds, string? Failure = null);

/// <summary>Clauses whose text is a near-duplicate of an earlier one: the representative (ingested first) and its twins, by chunk id.</summary>
public sealed record NearDuplicateGroup(string Representative, IReadOnlyList<string> Twins);

/// <summary>
/// The record of the last run, written last so that it only ever describes complete index files.
/// <see cref="SettingsHash"/> covers the dictionary files and the analyzer settings; <see cref="Vectors"/>
/// maps each embedded chunk id to the hash of the text it was embedded from. <see cref="Warnings"/> are the last rebuild's,
/// repeated by runs that find nothing changed, as are the <see cref="NearDuplicates"/> found by the last rebuild.
/// </summary>
public sealed record IngestionManifest(
    int FormatVersion,
    string SettingsHash,
    string? EmbeddingModel,
    IReadOnlyList<ManifestFile> Files,
    IReadOnlyDictionary<string, string> Vectors,
    IReadOnlyList<string>? Warnings = null,
    IReadOnlyList<NearDuplicateGroup>? NearDuplicates = null)
{
    public const int CurrentFormatVersion = 1;

    internal static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The manifest at <paramref name="path"/>, or null when it is missing, unreadable or of another format (all mean: rebuild).</summary>
    public static IngestionManifest? TryLoad(string path)
    {
        if (!File.Exists(path)) return null;
        try
        {
            var manifest = JsonSerializer.Deserialize<IngestionManifest>(File.ReadAllBytes(path), Json);
            return manifest?.FormatVersion == CurrentFormatVersion ? manifest : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public void Save(string path) => IndexFiles.WriteAtomically(path, stream => JsonSerializer.Serialize(stream, this, Json));
}
