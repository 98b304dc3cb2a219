using System.Globalization;

namespace ServiceBot.Retrieval.Evaluation;

/// <summary>
/// Writes rankings in the TREC run format read by trec_eval: <c>qid Q0 docid rank score tag</c>, one line per hit,
/// rank starting at 1, scores in invariant culture, lines ended by '\n' on every platform.
/// </summary>
public sealed class TrecRunWriter
{
    public const string DefaultTag = "servicebot";

    private readonly TextWriter _writer;
    private readonly string _tag;

    public TrecRunWriter(TextWriter writer, string tag = DefaultTag)
    {
        ArgumentNullException.ThrowIfNull(writer);
        RequireToken(tag, nameof(tag));
        _writer = writer;
        _tag = tag;
    }

    /// <summary>Writes the hits of one query in the order given (best first).</summary>
    public void Write(string queryId, IReadOnlyList<SearchHit> hits)
    {
        RequireToken(queryId, nameof(queryId));
        ArgumentNullException.ThrowIfNull(hits);
        for (var i = 0; i < hits.Count; i++)
        {
            RequireToken(hits[i].Id, nameof(hits));
            if (!float.IsFinite(hits[i].Score)) throw new ArgumentException($"hit {hits[i].Id} of query {queryId} has a non-finite score", nameof(hits));
            _writer.Write(string.Create(CultureInfo.InvariantCulture, $"{queryId} Q0 {hits[i].Id} {i + 1} {hits[i].Score} {_tag}\n"));
        }
    }

    /// <summary>Writes a whole run to <paramref name="path"/>, replacing any existing file.</summary>
    public static void WriteFile(string path, IEnumerable<(string QueryId, IReadOnlyList<SearchHit> Hits)> run, string tag = DefaultTag)
    {
        using var stream = new StreamWriter(path, append: false, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        var writer = new TrecRunWriter(stream, tag);
        foreach (var (queryId, hits) in run) writer.Write(queryId, hits);
    }

    // The format is whitespace-separated, so an id with a space would shift every later column.
    private static void RequireToken(string value, string name)
    {
        if (string.IsNullOrEmpty(value) || value.Any(char.IsWhiteSpace))
            throw new ArgumentException($"\"{value}\" is not usable in a TREC run: it must be non-empty and contain no whitespace", name);
    }
}
