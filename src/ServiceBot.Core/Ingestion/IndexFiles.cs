namespace ServiceBot.Ingestion;

/// <summary>The files of an index folder, and the atomic write every one of them goes through.</summary>
public sealed class IndexFiles(string folder)
{
    public const string ManifestName = "manifest.json";
    public const string ChunksName = "chunks.jsonl";
    public const string LexicalName = "lexical.bin";
    public const string DenseName = "dense.bin";

    public string Folder { get; } = Path.GetFullPath(folder);
    public string Manifest => Path.Combine(Folder, ManifestName);
    public string Chunks => Path.Combine(Folder, ChunksName);
    public string Lexical => Path.Combine(Folder, LexicalName);
    public string Dense => Path.Combine(Folder, DenseName);

    /// <summary>Writes to a temporary file beside the target, then moves it over, so readers never see a half-written file.</summary>
    public static void WriteAtomically(string path, Action<Stream> write)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temporary = path + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            write(stream);
        File.Move(temporary, path, overwrite: true);
    }
}
