using System.Text.Json;

namespace ServiceBot.Retrieval.Evaluation;

/// <summary>
/// Reads queries in JSON Lines form: <c>{"id", "query", "relevant"?: [ids]}</c> per line. Other fields are ignored,
/// so files that carry answer expectations instead of judgements load with an empty relevant list.
/// </summary>
public static class QueryFileReader
{
    public static IReadOnlyList<EvaluationQuery> Read(string path)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return JsonlLines.Read(path, obj =>
        {
            var query = Map(obj);
            // Run files and metrics are keyed by query id, so a repeat would silently merge two queries.
            if (!seen.Add(query.Id)) throw new FormatException($"duplicate query id \"{query.Id}\"");
            return query;
        }).ToList();
    }

    private static EvaluationQuery Map(JsonElement obj)
    {
        var id = JsonlLines.RequiredId(obj, "id");
        var text = JsonlLines.RequiredString(obj, "query");
        var relevant = new List<string>();
        if (obj.TryGetProperty("relevant", out var list) && list.ValueKind != JsonValueKind.Null)
        {
            if (list.ValueKind != JsonValueKind.Array) throw new FormatException($"field \"relevant\" must be an array, found {list.ValueKind}");
            foreach (var item in list.EnumerateArray())
            {
                var docId = JsonlLines.IdValue(item, "relevant");
                // Judgements are a set; a repeated id must not count twice in recall.
                if (!relevant.Contains(docId, StringComparer.Ordinal)) relevant.Add(docId);
            }
        }
        return new EvaluationQuery(id, text, relevant);
    }
}
