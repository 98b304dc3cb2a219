using System.Globalization;

namespace ServiceBot.Retrieval.Evaluation;

/// <summary>One line of a TREC run file.</summary>
public sealed record TrecRunLine(string QueryId, string DocumentId, int Rank, float Score, string Tag);

/// <summary>Reads TREC run files (<c>qid Q0 docid rank score tag</c>).</summary>
public static class TrecRunReader
{
    public static IReadOnlyList<TrecRunLine> ReadFile(string path)
    {
        using var reader = new StreamReader(path);
        return Read(reader, path);
    }

    /// <param name="sourceName">Name used in error messages in place of a file path.</param>
    public static IReadOnlyList<TrecRunLine> Read(TextReader reader, string sourceName = "<run>")
    {
        var lines = new List<TrecRunLine>();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            var cols = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (cols.Length != 6) throw new CorpusFormatException(sourceName, lineNumber, $"expected 6 columns, found {cols.Length}");
            if (!int.TryParse(cols[3], NumberStyles.Integer, CultureInfo.InvariantCulture, out var rank))
                throw new CorpusFormatException(sourceName, lineNumber, $"rank \"{cols[3]}\" is not an integer");
            if (!float.TryParse(cols[4], NumberStyles.Float, CultureInfo.InvariantCulture, out var score))
                throw new CorpusFormatException(sourceName, lineNumber, $"score \"{cols[4]}\" is not a number");
            lines.Add(new TrecRunLine(cols[0], cols[2], rank, score, cols[5]));
        }
        return lines;
    }

    /// <summary>Groups a run back into per-query rankings ordered by rank.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<SearchHit>> ToRankings(IEnumerable<TrecRunLine> lines) =>
        lines.GroupBy(l => l.QueryId, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => (IReadOnlyList<SearchHit>)g.OrderBy(l => l.Rank).Select(l => new SearchHit(l.DocumentId, l.Score)).ToList(),
                StringComparer.Ordinal);
}
