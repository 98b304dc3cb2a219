using System.Text.Json;

namespace ServiceBot.Retrieval.Evaluation;

/// <summary>Streams a JSON Lines file one object at a time, turning any parse or mapping failure into a located error.</summary>
internal static class JsonlLines
{
    public static IEnumerable<T> Read<T>(string path, Func<JsonElement, T> map)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        // Fail on a missing file at call time rather than on first enumeration.
        if (!File.Exists(path)) throw new FileNotFoundException($"JSONL file not found: {path}", path);
        return Iterate(path, map);
    }

    private static IEnumerable<T> Iterate<T>(string path, Func<JsonElement, T> map)
    {
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            T item;
            try
            {
                using var json = JsonDocument.Parse(line);
                if (json.RootElement.ValueKind != JsonValueKind.Object)
                    throw new FormatException($"expected a JSON object, found {json.RootElement.ValueKind}");
                item = map(json.RootElement);
            }
            catch (JsonException ex)
            {
                throw new CorpusFormatException(path, lineNumber, $"invalid JSON ({ex.Message})", ex);
            }
            catch (FormatException ex)
            {
                throw new CorpusFormatException(path, lineNumber, ex.Message, ex);
            }
            yield return item;
        }
    }

    /// <summary>Reads an identifier that corpora write either as a string or as a bare number.</summary>
    public static string RequiredId(JsonElement obj, string name)
    {
        if (!obj.TryGetProperty(name, out var value)) throw new FormatException($"missing required field \"{name}\"");
        return IdValue(value, name);
    }

    public static string IdValue(JsonElement value, string name)
    {
        var id = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString()!,
            // Raw text keeps the number exactly as written ("705", not "705.0").
            JsonValueKind.Number => value.GetRawText(),
            _ => throw new FormatException($"field \"{name}\" must be a string or a number, found {value.ValueKind}"),
        };
        if (string.IsNullOrWhiteSpace(id)) throw new FormatException($"field \"{name}\" is empty");
        return id;
    }

    public static string RequiredString(JsonElement obj, string name)
    {
        if (!obj.TryGetProperty(name, out var value)) throw new FormatException($"missing required field \"{name}\"");
        if (value.ValueKind != JsonValueKind.String) throw new FormatException($"field \"{name}\" must be a string, found {value.ValueKind}");
        return value.GetString()!;
    }

    public static string OptionalString(JsonElement obj, string name)
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return "";
        if (value.ValueKind != JsonValueKind.String) throw new FormatException($"field \"{name}\" must be a string, found {value.ValueKind}");
        return value.GetString()!;
    }
}
