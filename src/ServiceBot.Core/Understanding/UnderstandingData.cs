using System.Reflection;

namespace ServiceBot.Understanding;

/// <summary>
/// Reads the understanding data files (knowledge/lexicons, knowledge/intents and knowledge/calendar). They are embedded in
/// the assembly at build time, so the offline engine works from any working directory; a folder can be
/// given instead to try edited data without rebuilding.
/// </summary>
public static class UnderstandingData
{
    private const string LexiconPrefix = "ServiceBot.Understanding.Lexicons.";
    private const string IntentPrefix = "ServiceBot.Understanding.Intents.";
    private const string CalendarPrefix = "ServiceBot.Understanding.Calendar.";

    /// <summary>The text of an embedded lexicon file such as "cities.txt".</summary>
    public static string ReadLexicon(string fileName) => ReadResource(LexiconPrefix + fileName);

    /// <summary>The text of an embedded calendar file such as "public-holidays.txt".</summary>
    public static string ReadCalendar(string fileName) => ReadResource(CalendarPrefix + fileName);

    /// <summary>Embedded intent example files: file name (e.g. "greeting.txt") to text.</summary>
    public static IReadOnlyDictionary<string, string> ReadIntentFiles()
    {
        var assembly = typeof(UnderstandingData).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(IntentPrefix, StringComparison.Ordinal))
            .ToDictionary(n => n[IntentPrefix.Length..], ReadResource, StringComparer.Ordinal);
    }

    /// <summary>Non-empty lines that are not '#' comments, trimmed, with their 1-based line numbers.</summary>
    public static IEnumerable<(string Line, int Number)> ContentLines(string text)
    {
        var lines = text.TrimStart('\uFEFF').ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length > 0 && !line.StartsWith('#')) yield return (line, i + 1);
        }
    }

    private static string ReadResource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"embedded data file {name} is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
