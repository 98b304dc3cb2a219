using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace ServiceBot.Server.Http;

public static class UserText
{
    /// <summary>
    /// True for no text at all: white space, and invisible format characters such as the zero-width space (U+200B),
    /// joiners (U+200C, U+200D), the word joiner (U+2060) and the byte-order mark (U+FEFF).
    /// </summary>
    public static bool IsBlank([NotNullWhen(false)] string? text) =>
        text is null || text.All(c => char.IsWhiteSpace(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format);
}
