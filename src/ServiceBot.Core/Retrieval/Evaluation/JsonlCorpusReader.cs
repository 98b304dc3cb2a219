namespace ServiceBot.Retrieval.Evaluation;

/// <summary>
/// Reads a corpus in JSON Lines form: <c>{"id", "text", "law"?, "article"?}</c> per line.
/// "law" becomes <see cref="IndexDocument.Title"/> and "article" <see cref="IndexDocument.Section"/>; other fields are ignored.
/// </summary>
public static class JsonlCorpusReader
{
    /// <summary>Streams the documents; a malformed line throws <see cref="CorpusFormatException"/> when it is reached.</summary>
    public static IEnumerable<IndexDocument> Read(string path) =>
        JsonlLines.Read(path, obj => new IndexDocument(
            JsonlLines.RequiredId(obj, "id"),
            JsonlLines.OptionalString(obj, "law"),
            JsonlLines.OptionalString(obj, "article"),
            JsonlLines.RequiredString(obj, "text")));
}
