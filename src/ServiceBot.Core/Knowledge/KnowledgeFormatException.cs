namespace ServiceBot.Knowledge;

/// <summary>
/// A knowledge source file cannot be read (bad front matter, not UTF-8, empty, bad dictionary line).
/// Thrown per file so that ingestion can report it as one failed file and go on.
/// </summary>
public sealed class KnowledgeFormatException : Exception
{
    public KnowledgeFormatException(string filePath, string message, int? lineNumber = null, Exception? innerException = null)
        : base(Describe(filePath, message, lineNumber), innerException)
    {
        FilePath = filePath;
        LineNumber = lineNumber;
    }

    /// <summary>The offending file, as given to the reader.</summary>
    public string FilePath { get; }

    /// <summary>1-based line number when the problem is on one line.</summary>
    public int? LineNumber { get; }

    private static string Describe(string filePath, string message, int? lineNumber)
        => lineNumber is { } line ? $"{filePath}:{line}: {message}" : $"{filePath}: {message}";
}
