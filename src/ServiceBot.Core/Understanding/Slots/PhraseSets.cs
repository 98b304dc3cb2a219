namespace ServiceBot.Understanding.Slots;

/// <summary>Named phrase lists from a file of "[section]" headers followed by one phrase a line.</summary>
public sealed class PhraseSets
{
    private readonly Dictionary<string, IReadOnlyList<string>> _sections;

    private PhraseSets(Dictionary<string, IReadOnlyList<string>> sections) => _sections = sections;

    public IReadOnlyList<string> this[string section] => _sections.GetValueOrDefault(section) ?? [];

    public static PhraseSets Parse(string text)
    {
        var sections = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        List<string>? current = null;
        foreach (var (line, number) in UnderstandingData.ContentLines(text))
        {
            if (line.StartsWith('[') && line.EndsWith(']'))
            {
                var name = line[1..^1].Trim();
                if (!sections.TryGetValue(name, out current)) sections[name] = current = [];
                continue;
            }
            if (current is null) throw new FormatException($"line {number}: phrase before any [section] header");
            current.Add(Text.TextNormalizer.Normalize(line));
        }
        return new PhraseSets(sections.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value, StringComparer.Ordinal));
    }
}
