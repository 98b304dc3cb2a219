using System.Reflection;
using System.Text.RegularExpressions;

namespace ServiceBot.Text.Spelling;

/// <summary>
/// Reads misspelt English words as the lexicon words they stand for (probabtion → probation, goverment → government,
/// pasport → passport), so that an English question finds the clauses and the Chinese words of the word it meant.
/// A word is corrected only when:
/// <list type="bullet">
/// <item>it has five letters or more and the knowledge never uses it, nor with an ending (s, ed, ing …);</item>
/// <item>one letter dropped, added or two letters swapped give a word of the English lexicon of five letters or more,
///   with the same first letter;</item>
/// <item>that word is the one the knowledge uses most among such candidates (no tie).</item>
/// </list>
/// A letter replaced by another is not tried: it mostly turns one real word into another (smell → small,
/// river → rider, season → reason), and without a general English dictionary those cannot be told from typos.
/// Chat shorthand (whats, u, pls, dont) is read first, from a fixed list: a question's cues (what's, can you) are words
/// too short for the edits above.
/// </summary>
public sealed partial class EnglishSpellingCorrector
{
    private const int MinWordLength = 5;

    private static readonly string[] Endings = ["s", "es", "ed", "d", "ing", "er", "ers", "ly", "al", "n"];

    private readonly Dictionary<string, int> _targets;
    private readonly IReadOnlyDictionary<string, int> _known;

    /// <param name="targets">Words a misspelling may be read as (the English lexicon's words); shorter ones are ignored.</param>
    /// <param name="known">Every English word the knowledge and the lexicons use, with how often the knowledge uses it.</param>
    public EnglishSpellingCorrector(IEnumerable<string> targets, IReadOnlyDictionary<string, int> known)
    {
        _known = known;
        _targets = targets.Select(t => t.ToLowerInvariant()).Where(t => t.Length >= MinWordLength && t.All(char.IsAsciiLetterLower))
            .Distinct(StringComparer.Ordinal)
            .ToDictionary(t => t, t => known.GetValueOrDefault(t), StringComparer.Ordinal);
    }

    /// <summary>The words of <paramref name="text"/> in lower case: runs of Latin letters.</summary>
    public static IEnumerable<string> Words(string text) => Word().Matches(text).Select(m => m.Value.ToLowerInvariant());

    /// <summary>The text with misspelt words replaced (case of the first letter kept), and what was replaced.</summary>
    public CorrectedText Correct(string text)
    {
        List<SpellingCorrection>? corrections = null;
        var corrected = Word().Replace(text, match =>
        {
            if (CorrectionOf(match.Value.ToLowerInvariant()) is not { } word) return match.Value;
            if (char.IsUpper(match.Value[0])) word = char.ToUpperInvariant(word[0]) + word[1..];
            (corrections ??= []).Add(new SpellingCorrection(match.Index, match.Value, word));
            return word;
        });
        return corrections is null ? CorrectedText.Unchanged(text) : new CorrectedText(text, corrected, corrections);
    }

    private string? CorrectionOf(string word)
    {
        if (Shorthand.Value.TryGetValue(word, out var reading)) return reading;
        if (word.Length < MinWordLength || Knows(word)) return null;
        string? best = null;
        int bestCount = -1, ties = 0;
        foreach (var candidate in Edits(word))
        {
            if (candidate[0] != word[0] || !_targets.TryGetValue(candidate, out var count) || candidate == best) continue;
            if (count > bestCount) (best, bestCount, ties) = (candidate, count, 0);
            else if (count == bestCount) ties++;
        }
        return ties == 0 ? best : null;
    }

    /// <summary>Whether the knowledge's English texts or the lexicon use <paramref name="word"/> (lower case), bare or with an ending.</summary>
    public bool Knows(string word)
    {
        if (_known.ContainsKey(word) || _known.ContainsKey(word + "s")) return true;
        foreach (var ending in Endings)
        {
            if (!word.EndsWith(ending, StringComparison.Ordinal)) continue;
            var stem = word[..^ending.Length];
            if (_known.ContainsKey(stem) || _known.ContainsKey(stem + "e")) return true;
        }
        return word.EndsWith("ies", StringComparison.Ordinal) && _known.ContainsKey(word[..^3] + "y");
    }

    /// <summary>The words one letter dropped, one letter added or two neighbouring letters swapped away.</summary>
    private static IEnumerable<string> Edits(string word)
    {
        for (var i = 0; i < word.Length; i++) yield return word.Remove(i, 1);
        for (var i = 0; i + 1 < word.Length; i++)
            if (word[i] != word[i + 1])
                yield return string.Concat(word.AsSpan(0, i), [word[i + 1], word[i]], word.AsSpan(i + 2));
        for (var i = 0; i <= word.Length; i++)
            for (var letter = 'a'; letter <= 'z'; letter++)
                yield return word.Insert(i, letter.ToString());
    }

    /// <summary>The text with its chat shorthand read (whats → what's, u → you) and nothing else changed.</summary>
    public static string ReadShorthand(string text)
        => Word().Replace(text, match => Shorthand.Value.TryGetValue(match.Value.ToLowerInvariant(), out var reading) ? reading : match.Value);

    /// <summary>Chat shorthand and what it stands for (whats → what's), from the embedded english-shorthand.txt.</summary>
    private static readonly Lazy<IReadOnlyDictionary<string, string>> Shorthand = new(LoadShorthand);

    private static Dictionary<string, string> LoadShorthand()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("ServiceBot.Text.Resources.english-shorthand.txt")
            ?? throw new InvalidOperationException("english-shorthand.txt is not embedded");
        using var reader = new StreamReader(stream);
        var readings = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.TrimStart().StartsWith('#') || line.Split("=>") is not [var shorthand, var reading]) continue;
            readings[shorthand.Trim().ToLowerInvariant()] = reading.Trim();
        }
        return readings;
    }

    [GeneratedRegex("[A-Za-z]+")]
    private static partial Regex Word();
}
