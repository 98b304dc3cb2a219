using ServiceBot.Knowledge.Text;

namespace ServiceBot.Knowledge.Import;

/// <summary>
/// Turns extracted plain text into paragraphs and rejoins paragraphs that a page break cut mid-sentence.
/// </summary>
public static class ParagraphRepair
{
    /// <summary>
    /// Returns the non-empty paragraphs of <paramref name="plainText"/>. A line continues the previous paragraph when
    /// that paragraph is prose (not a heading-like line) without terminal punctuation and the line does not open a
    /// new structural block (heading, clause, article, dateline).
    /// </summary>
    public static IReadOnlyList<string> SplitParagraphs(string plainText)
    {
        var paragraphs = new List<string>();
        foreach (var rawLine in plainText.ReplaceLineEndings("\n").Split('\n'))
        {
            var line = rawLine.Trim();
            if (line.Length == 0) continue;
            if (paragraphs.Count > 0 && IsContinuation(paragraphs[^1], line))
                paragraphs[^1] = Join(paragraphs[^1], line);
            else
                paragraphs.Add(line);
        }
        return paragraphs;
    }

    /// <summary>True when <paramref name="nextLine"/> is the rest of a sentence that <paramref name="previous"/> started.</summary>
    public static bool IsContinuation(string previous, string nextLine)
        => !ChineseText.EndsWithTerminalPunctuation(previous)
           && !ChineseText.LooksLikeHeading(previous)
           && !ChineseText.StartsStructuralBlock(nextLine);

    // Chinese needs no space at the seam; two Latin words would run together without one.
    private static string Join(string head, string tail)
        => char.IsAsciiLetter(head[^1]) && char.IsAsciiLetter(tail[0]) ? head + " " + tail : head + tail;
}
