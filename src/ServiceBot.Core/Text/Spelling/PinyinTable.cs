using System.Collections.Frozen;
using System.Reflection;

namespace ServiceBot.Text.Spelling;

/// <summary>
/// Toneless Mandarin readings of common characters, from knowledge/dictionary/pinyin.txt (Unicode Unihan kMandarin),
/// embedded in the assembly so that spelling correction works from any working directory.
/// </summary>
public sealed class PinyinTable
{
    private const string ResourceName = "ServiceBot.Text.Spelling.pinyin.txt";

    private static readonly Lazy<PinyinTable> Embedded = new(() =>
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded data file {ResourceName} is missing");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), "pinyin.txt");
    });

    private readonly FrozenDictionary<char, string[]> _readings;

    private PinyinTable(FrozenDictionary<char, string[]> readings) => _readings = readings;

    /// <summary>The table shipped with ServiceBot.</summary>
    public static PinyinTable Default => Embedded.Value;

    public int Count => _readings.Count;

    /// <summary>Every character with its readings.</summary>
    public IEnumerable<KeyValuePair<char, string[]>> Entries => _readings;

    /// <summary>The readings of <paramref name="character"/>, most customary first; empty when unknown.</summary>
    public IReadOnlyList<string> Readings(char character) => _readings.GetValueOrDefault(character) ?? [];

    /// <summary>True when the two characters share a reading (同音字, tones ignored).</summary>
    public bool AreHomophones(char first, char second)
    {
        if (!_readings.TryGetValue(first, out var a) || !_readings.TryGetValue(second, out var b)) return false;
        foreach (var reading in a)
            if (Array.IndexOf(b, reading) >= 0) return true;
        return false;
    }

    /// <summary>Parses lines "字 reading [reading …]"; '#' starts a comment line.</summary>
    /// <exception cref="FormatException">A line is malformed; the message names the source and line.</exception>
    public static PinyinTable Parse(string text, string sourceName)
    {
        var readings = new Dictionary<char, string[]>();
        var lines = text.TrimStart('\uFEFF').ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 2 || fields[0].Length != 1 || !fields.Skip(1).All(IsToneless))
                throw new FormatException($"{sourceName}, line {i + 1}: expected \"字 reading [reading …]\" in toneless pinyin: {line}");
            readings[fields[0][0]] = fields[1..];
        }
        return new PinyinTable(readings.ToFrozenDictionary());
    }

    private static bool IsToneless(string reading) => reading.Length > 0 && reading.All(char.IsAsciiLetterLower);
}
