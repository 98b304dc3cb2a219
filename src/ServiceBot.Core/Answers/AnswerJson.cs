using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ServiceBot.Answers;

/// <summary>The answer object of the external contract: {"answer","grounded","citations":[{"source","section","text","validity","effective"}],"handoff"}.</summary>
public static class AnswerJson
{
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The contract object; <paramref name="id"/> (string or number, as the query file had it) is added first in batch mode.</summary>
    public static JsonObject ToJsonObject(Answer answer, JsonNode? id = null)
    {
        var json = new JsonObject();
        if (id is not null) json["id"] = id.DeepClone();
        json["answer"] = answer.Markdown;
        json["grounded"] = answer.Grounded;
        json["citations"] = new JsonArray(answer.Citations
            .Select(c => (JsonNode)new JsonObject
            {
                ["source"] = c.Source, ["section"] = c.Section, ["text"] = c.Text,
                ["validity"] = c.Validity, ["effective"] = c.Effective?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            })
            .ToArray());
        json["handoff"] = answer.Handoff;
        return json;
    }

    /// <summary>One line of JSON, Chinese left readable.</summary>
    public static string Serialize(Answer answer, JsonNode? id = null) => ToJsonObject(answer, id).ToJsonString(Options);
}
