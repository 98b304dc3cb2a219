using System.Text;

namespace ServiceBot.Text;

/// <summary>Folds the surface variants that users and documents mix freely.</summary>
public static class TextNormalizer
{
    /// <summary>Full-width ASCII to half-width, ideographic space to space, Latin to lower case.</summary>
    public static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var folded = c switch
            {
                '\u3000' => ' ',
                >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
                _ => c,
            };
            builder.Append(folded switch
            {
                >= 'A' and <= 'Z' => (char)(folded + ('a' - 'A')),
                // ASCII and ideographs have nothing to lower; asking ICU for each character of a Chinese text costs.
                < '\u0080' => folded,
                _ when IsCjk(folded) => folded,
                _ => char.ToLowerInvariant(folded),
            });
        }
        return builder.ToString();
    }

    /// <summary>CJK unified ideographs (basic block and extension A).</summary>
    public static bool IsCjk(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF';
}
