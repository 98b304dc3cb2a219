using System.Text;
using System.Text.RegularExpressions;

namespace ServiceBot.Text;

/// <summary>
/// Makes user-given or masked text safe to place inside a Markdown reply: every character that could open
/// emphasis, code, a link or an autolink is backslash-escaped, so 6217 **** **** 0122 shows its stars and a
/// typed [x](https://…) or bare https://… stays inert text in every CommonMark renderer.
/// </summary>
public static partial class MarkdownInline
{
    private const string Special = "\\`*_[]<>!~|";

    public static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            // "\://" stops renderers that link bare URLs (GFM, markdown-it linkify) without changing the visible text.
            if (Special.Contains(c) || (c == ':' && text.AsSpan(i + 1).StartsWith("//"))) escaped.Append('\\');
            escaped.Append(c);
        }
        return escaped.ToString();
    }

    /// <summary>Markdown shown as plain text (a terminal): every backslash escape becomes the character it protects.</summary>
    public static string Unescape(string markdown) => EscapedCharacter().Replace(markdown, "$1");

    [GeneratedRegex(@"\\([!-/:-@\[-`{-~])")]
    private static partial Regex EscapedCharacter();
}
