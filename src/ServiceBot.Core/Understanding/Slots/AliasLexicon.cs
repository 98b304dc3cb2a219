using ServiceBot.Text;

namespace ServiceBot.Understanding.Slots;

/// <summary>A mention of a lexicon entry in text.</summary>
public sealed record LexiconMatch(string Canonical, int Start, int Length);

/// <summary>
/// Canonical values with the ways people say them, from lines "canonical: alias, alias". Matching is
/// longest-first so 滴滴出行 wins over 滴滴 and 美团外卖 over 美团.
/// </summary>
public sealed class AliasLexicon
{
    private readonly Dictionary<string, string> _canonicalBySurface = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _aliasesByCanonical = new(StringComparer.Ordinal);
    private readonly int _longest;

    public AliasLexicon(IEnumerable<(string Canonical, IEnumerable<string> Aliases)> entries)
    {
        var canonicals = new List<string>();
        foreach (var (canonical, aliases) in entries)
        {
            canonicals.Add(canonical);
            var list = _aliasesByCanonical[canonical] = [];
            foreach (var surface in aliases.Prepend(canonical))
            {
                var normalized = TextNormalizer.Normalize(surface);
                list.Add(normalized);
                _canonicalBySurface.TryAdd(normalized, canonical);
            }
        }
        Canonicals = canonicals;
        _longest = _canonicalBySurface.Keys.Select(k => k.Length).DefaultIfEmpty(1).Max();
    }

    public IReadOnlyList<string> Canonicals { get; }

    /// <summary>Every surface of <paramref name="canonical"/>, itself included, normalised.</summary>
    public IReadOnlyList<string> AliasesOf(string canonical) => _aliasesByCanonical.GetValueOrDefault(canonical) ?? [];

    public static AliasLexicon Parse(string text)
    {
        var entries = new List<(string, IEnumerable<string>)>();
        foreach (var (line, _) in UnderstandingData.ContentLines(text))
        {
            var (canonical, aliases) = SplitEntry(line);
            entries.Add((canonical, aliases));
        }
        return new AliasLexicon(entries);
    }

    /// <summary>One line "canonical: alias, alias" (either colon and comma width): the canonical value and its aliases, as written.</summary>
    public static (string Canonical, string[] Aliases) SplitEntry(string line)
    {
        var colon = line.IndexOfAny([':', '：']);
        var canonical = (colon < 0 ? line : line[..colon]).Trim();
        var aliases = colon < 0 ? [] : line[(colon + 1)..].Split([',', '，']).Select(a => a.Trim()).Where(a => a.Length > 0).ToArray();
        return (canonical, aliases);
    }

    /// <summary>The canonical value when the whole text is one of its surfaces.</summary>
    public string? Lookup(string surface)
        => _canonicalBySurface.GetValueOrDefault(TextNormalizer.Normalize(surface.Trim()));

    /// <summary>Non-overlapping mentions, left to right, longest surface first at each position.</summary>
    public IReadOnlyList<LexiconMatch> FindAll(string normalizedText)
    {
        var matches = new List<LexiconMatch>();
        var surfaces = _canonicalBySurface.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var i = 0; i < normalizedText.Length;)
        {
            var matched = false;
            for (var length = Math.Min(_longest, normalizedText.Length - i); length >= 1; length--)
            {
                // Looked up by span: every position tries every length, and a substring for each would be garbage.
                if (!surfaces.TryGetValue(normalizedText.AsSpan(i, length), out var canonical)) continue;
                // A Latin alias (t3, ems) must not sit inside a longer Latin word.
                if (IsAsciiLetterOrDigit(normalizedText[i]) && (i > 0 && IsAsciiLetterOrDigit(normalizedText[i - 1])
                    || i + length < normalizedText.Length && IsAsciiLetterOrDigit(normalizedText[i + length]))) continue;
                matches.Add(new LexiconMatch(canonical, i, length));
                i += length;
                matched = true;
                break;
            }
            if (!matched) i++;
        }
        return matches;
    }

    private static bool IsAsciiLetterOrDigit(char c) => char.IsAsciiLetterOrDigit(c);
}
