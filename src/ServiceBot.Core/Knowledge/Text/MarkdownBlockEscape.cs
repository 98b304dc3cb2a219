using System.Text.RegularExpressions;

namespace ServiceBot.Knowledge.Text;

/// <summary>
/// Keeps a plain paragraph from being read as Markdown syntax (heading, quote, list) when it happens to start like one.
/// </summary>
public static partial class MarkdownBlockEscape
{
    private const string BlockMarkers = "#>-+*=";

    /// <summary>Prefixes a backslash when the paragraph would otherwise open a Markdown block.</summary>
    public static string Escape(string paragraph)
        => paragraph.Length > 0 && (BlockMarkers.Contains(paragraph[0]) || OrderedListStart().IsMatch(paragraph))
            ? "\\" + paragraph
            : paragraph;

    /// <summary>Removes the backslash that <see cref="Escape"/> added.</summary>
    public static string Unescape(string line)
        => line.Length > 1 && line[0] == '\\' && (BlockMarkers.Contains(line[1]) || OrderedListStart().IsMatch(line.AsSpan(1)))
            ? line[1..]
            : line;

    [GeneratedRegex(@"^\d+[.)](\s|$)")]
    private static partial Regex OrderedListStart();
}
