namespace ServiceBot.Ingestion;

public enum IngestionStage
{
    Discovering,
    Reading,
    Indexing,
    Embedding,
    Saving,
    Done,
}

/// <summary>Progress of a run: files handled so far, the file at hand and the current stage.</summary>
public sealed record IngestionProgress(int FilesDone, int FilesTotal, string? CurrentFile, IngestionStage Stage);
