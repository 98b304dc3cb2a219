using System.Text.Encodings.Web;
using System.Text.Json;

namespace ServiceBot.Storage;

/// <summary>Models and tables shipped as JSON beside the program: written whole, read with an error that names the file.</summary>
public static class JsonDataFile
{
    /// <summary>One line, camelCase, Chinese kept as it is, so a table of words reads and diffs as words.</summary>
    public static readonly JsonSerializerOptions CompactWords = new()
    {
        WriteIndented = false, PropertyNamingPolicy = JsonNamingPolicy.CamelCase, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write<T>(string path, T value, JsonSerializerOptions options)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, JsonSerializer.Serialize(value, options) + "\n");
    }

    /// <summary>Reads <paramref name="path"/> as <typeparamref name="T"/>; <paramref name="what"/> names the kind of file in the error.</summary>
    /// <exception cref="InvalidDataException">The file is not JSON of that shape.</exception>
    public static T? Read<T>(string path, JsonSerializerOptions options, string what)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(File.ReadAllText(path), options);
        }
        catch (JsonException error)
        {
            throw new InvalidDataException($"{path} is not {what}: {error.Message}", error);
        }
    }
}
