namespace ServiceBot.Retrieval.Evaluation;

/// <summary>A line of an evaluation data file (corpus, queries or run) could not be understood.</summary>
public sealed class CorpusFormatException : FormatException
{
    public CorpusFormatException(string path, int lineNumber, string reason, Exception? inner = null)
        : base($"{path}:{lineNumber}: {reason}", inner)
    {
        Path = path;
        LineNumber = lineNumber;
        Reason = reason;
    }

    /// <summary>File (or source name) that holds the bad line.</summary>
    public string Path { get; }

    /// <summary>1-based line number.</summary>
    public int LineNumber { get; }

    /// <summary>What was wrong with the line, without the location prefix.</summary>
    public string Reason { get; }
}
