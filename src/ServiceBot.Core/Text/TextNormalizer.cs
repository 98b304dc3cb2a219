namespace ServiceBot.Text;

/// <summary>Folds the surface variants that users and documents mix freely.</summary>
public static class TextNormalizer
{
    /// <summary>Full-width ASCII to half-width, ideographic space to space, Latin to lower case.</summary>
    /// <returns>The text itself when nothing folds: most questions and clauses are already normal, and this runs on every one.</returns>
    public static string Normalize(string text)
    {
        var first = 0;
        while (first < text.Length && Fold(text[first]) == text[first]) first++;
        if (first == text.Length) return text;
        return string.Create(text.Length, (Text: text, First: first), static (folded, state) =>
        {
            state.Text.AsSpan(0, state.First).CopyTo(folded);
            for (var i = state.First; i < folded.Length; i++) folded[i] = Fold(state.Text[i]);
        });
    }

    private static char Fold(char c)
    {
        var folded = c switch
        {
            '\u3000' => ' ',
            >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
            _ => c,
        };
        return folded switch
        {
            >= 'A' and <= 'Z' => (char)(folded + ('a' - 'A')),
            // ASCII and ideographs have nothing to lower; asking ICU for each character of a Chinese text costs.
            < '\u0080' => folded,
            _ when IsCjk(folded) => folded,
            _ => char.ToLowerInvariant(folded),
        };
    }

    /// <summary>CJK unified ideographs (basic block and extension A).</summary>
    public static bool IsCjk(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF';

    /// <summary>A Latin letter of text <see cref="Normalize"/> folded (lower case, ASCII).</summary>
    public static bool IsFoldedLatinLetter(char c) => c is >= 'a' and <= 'z';

    /// <summary>The runs of two or more Latin letters in text <see cref="Normalize"/> folded: its English words (a single letter is none).</summary>
    public static IEnumerable<string> FoldedLatinWords(string normalized)
    {
        for (var i = 0; i < normalized.Length; i++)
        {
            if (!IsFoldedLatinLetter(normalized[i])) continue;
            var end = i;
            while (end < normalized.Length && IsFoldedLatinLetter(normalized[end])) end++;
            if (end - i > 1) yield return normalized[i..end];
            i = end;
        }
    }
}
