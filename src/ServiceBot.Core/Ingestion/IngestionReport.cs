namespace ServiceBot.Ingestion;

/// <summary>A knowledge file that could not be ingested, and why; the rest of the run is unaffected.</summary>
public sealed record FailedFile(string Path, string Reason);

/// <summary>What one ingestion run found and did.</summary>
/// <param name="FilesSeen">Markdown files discovered under the knowledge folders.</param>
/// <param name="Read">Files read and chunked in this run; unchanged files reuse their stored chunks.</param>
/// <param name="Chunks">Chunks in the index after the run.</param>
/// <param name="Embedded">Chunks embedded in this run (the others reused cached vectors).</param>
/// <param name="IndexRewritten">False when nothing changed and no index file was touched.</param>
public sealed record IngestionReport(
    int FilesSeen,
    int Added,
    int Changed,
    int Unchanged,
    int Removed,
    int Read,
    IReadOnlyList<FailedFile> Failures,
    int Chunks,
    int Embedded,
    TimeSpan Elapsed,
    bool IndexRewritten)
{
    public bool Succeeded => Failures.Count == 0;

    /// <summary>Problems that do not stop a file from being indexed, e.g. a <c>superseded_by</c> that names no document.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Near-duplicate clauses in the index: each group's representative is shown in results, its twins listed.</summary>
    public IReadOnlyList<NearDuplicateGroup> NearDuplicates { get; init; } = [];
}
