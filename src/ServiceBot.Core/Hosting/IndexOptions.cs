namespace ServiceBot.Hosting;

/// <summary>Settings bound from the <c>Index</c> configuration section.</summary>
public sealed class IndexOptions
{
    public const string SectionName = "Index";

    public const string DefaultPath = ".servicebot/index";

    /// <summary>The folder holding the manifest, chunks and index files, relative to the current directory.</summary>
    public string Path { get; set; } = DefaultPath;

    public string FullPath => System.IO.Path.GetFullPath(Path);

    /// <summary>
    /// Shingle Jaccard at or above which ingest treats a clause as a near-duplicate of one ingested before it
    /// (<c>Index:NearDuplicateThreshold</c>); 0 turns the collapse off.
    /// </summary>
    public double NearDuplicateThreshold { get; set; } = Retrieval.Duplicates.NearDuplicateDetection.DefaultThreshold;

    /// <summary>
    /// Weight of a word added by knowledge/dictionary/mined-lay-terms.txt relative to a typed word
    /// (<c>Index:MinedLayTermWeight</c>); kept below the hand-written lay-terms.txt (0.5) because no one reviewed the pairs.
    /// </summary>
    public double MinedLayTermWeight { get; set; } = 0.3;
}
