using System.Text;
using System.Text.RegularExpressions;
using ServiceBot.Conversation;
using ServiceBot.Localization;

namespace ServiceBot.Server.WeChat;

/// <summary>
/// Renders a <see cref="Reply"/> as WeChat plain text: Markdown markup stripped, citations as short references
/// (《文件》第X条), suggestions as a numbered list the user can answer with a digit. WeChat rejects text over
/// 2048 UTF-8 bytes, so a longer reply is either split into parts (when the customer-service API can carry the
/// rest) or shortened at a sentence boundary with a note.
/// </summary>
public static partial class WeChatText
{
    public const string ShortenedNote = "……（内容较长，已节选）";
    private const int MaxCitations = 3;

    /// <param name="greeting">The configured greeting (<see cref="ServiceBot.Conversation.Welcome"/>), led by the place when there is one.</param>
    public static string Welcome(string greeting)
    {
        var text = new StringBuilder(greeting).Append("\n\n").Append(TaskMenu.Lead);
        for (var i = 0; i < TaskMenu.Items.Count; i++) text.Append('\n').Append(i + 1).Append(". ").Append(TaskMenu.Items[i].Label);
        text.Append("\n\n回复数字即可开始办理。").Append(TaskMenu.Closing);
        return text.ToString();
    }

    /// <summary>The parts to send, first one passive; each at most <paramref name="maxBytes"/> UTF-8 bytes.</summary>
    /// <param name="canContinue">True when later parts can be delivered (customer-service API); otherwise one shortened part.</param>
    public static IReadOnlyList<string> Render(Reply reply, bool canContinue, int maxBytes = WeChatOptions.MaxTextBytes)
    {
        var body = PlainText(reply.Markdown);
        var footer = Footer(reply);
        var whole = footer.Length == 0 ? body : body + "\n\n" + footer;
        if (Bytes(whole) <= maxBytes) return [whole];

        if (canContinue)
        {
            var parts = Split(body, maxBytes).ToList();
            if (footer.Length > 0)
            {
                if (Bytes(parts[^1] + "\n\n" + footer) <= maxBytes) parts[^1] += "\n\n" + footer;
                else parts.AddRange(Split(footer, maxBytes));
            }
            return parts;
        }

        var tail = footer.Length == 0 ? "" : "\n\n" + Prefix(footer, maxBytes / 2);
        var room = maxBytes - Bytes(ShortenedNote) - Bytes(tail);
        return [Prefix(body, room, atBoundary: true) + ShortenedNote + tail];
    }

    /// <summary>Markdown to readable plain text: headings, emphasis, code marks, links, quotes, rules and tables.</summary>
    public static string PlainText(string markdown)
    {
        var lines = new List<string>();
        foreach (var raw in markdown.Replace("\r\n", "\n").Split('\n'))
        {
            var line = ProtectEscapes(raw.TrimEnd());
            if (TableRule().IsMatch(line) || HorizontalRule().IsMatch(line)) continue;
            line = Heading().Replace(line, "");
            line = Quote().Replace(line, "");
            line = Bullet().Replace(line, "${indent}• ");
            if (line.TrimStart().StartsWith('|')) line = string.Join("  ", line.Trim().Trim('|').Split('|').Select(c => c.Trim()));
            line = Image().Replace(line, "${alt}");
            line = Link().Replace(line, m => m.Groups["text"].Value == m.Groups["url"].Value ? m.Groups["url"].Value : $"{m.Groups["text"].Value}（{m.Groups["url"].Value}）");
            line = Emphasis().Replace(line, "${text}");
            line = line.Replace("`", "");
            lines.Add(RestoreEscapes(line));
        }
        return BlankRuns().Replace(string.Join('\n', lines), "\n\n").Trim();
    }

    /// <summary>
    /// Moves each backslash-escaped character (a masked card's stars, a typed link's brackets) into the private-use area,
    /// where no markup pattern sees it, until <see cref="RestoreEscapes"/> puts the plain character back.
    /// </summary>
    private static string ProtectEscapes(string line) =>
        Escaped().Replace(line, m => ((char)(EscapeBase + m.Groups["char"].Value[0])).ToString());

    private static string RestoreEscapes(string line)
    {
        var chars = line.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
            if (chars[i] is >= EscapeBase and < EscapeEnd) chars[i] = (char)(chars[i] - EscapeBase);
        return new string(chars);
    }

    private const char EscapeBase = '\uE000';
    private const char EscapeEnd = '\uE080';

    private static string Footer(Reply reply)
    {
        var footer = new StringBuilder();
        var references = reply.Citations
            .Select(c => Reference(c.Source, c.Section))
            .Where(r => r.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .Take(MaxCitations)
            .ToList();
        var english = reply.Language == BotLanguages.English;
        if (references.Count > 0)
            footer.Append(BotText.In(reply.Language, nameof(BotTexts.Channel_Basis))).Append(english ? ": " : "：").AppendJoin(english ? "; " : "；", references);
        if (reply.Suggestions.Count > 0)
        {
            if (footer.Length > 0) footer.Append("\n\n");
            footer.Append(BotText.In(reply.Language, nameof(BotTexts.Channel_ReplyWithNumber)));
            for (var i = 0; i < reply.Suggestions.Count; i++) footer.Append('\n').Append(i + 1).Append(". ").Append(reply.Suggestions[i]);
        }
        return footer.ToString();
    }

    private static string Reference(string source, string section)
    {
        var title = source.Trim().Trim('《', '》');
        if (title.Length == 0) return section.Trim();
        return $"《{title}》{section.Trim()}";
    }

    public static int Bytes(string text) => Encoding.UTF8.GetByteCount(text);

    /// <summary>Cuts text into parts of at most <paramref name="maxBytes"/> bytes, preferring paragraph, line and sentence ends.</summary>
    public static IEnumerable<string> Split(string text, int maxBytes)
    {
        var rest = text;
        while (Bytes(rest) > maxBytes)
        {
            var part = Prefix(rest, maxBytes, atBoundary: true);
            if (part.Length == 0) part = rest[..(char.IsHighSurrogate(rest[0]) && rest.Length > 1 ? 2 : 1)];
            yield return part.TrimEnd();
            rest = rest[part.Length..].TrimStart('\n');
        }
        if (rest.Length > 0) yield return rest;
    }

    /// <summary>The longest prefix within <paramref name="maxBytes"/>, never splitting a surrogate pair; optionally backed off to a boundary.</summary>
    public static string Prefix(string text, int maxBytes, bool atBoundary = false)
    {
        var used = 0;
        var end = 0;
        while (end < text.Length)
        {
            var width = char.IsHighSurrogate(text[end]) && end + 1 < text.Length ? 2 : 1;
            var bytes = Encoding.UTF8.GetByteCount(text.AsSpan(end, width));
            if (used + bytes > maxBytes) break;
            used += bytes;
            end += width;
        }
        if (!atBoundary || end == text.Length) return text[..end];

        // Back off to the last paragraph, line or sentence end, unless that would throw away over half the room.
        foreach (var boundary in new[] { "\n\n", "\n", "。", "！", "？", "；", "，" })
        {
            var at = text.LastIndexOf(boundary, end - 1, end, StringComparison.Ordinal);
            if (at > end / 2) return text[..(at + boundary.Length)];
        }
        return text[..end];
    }

    [GeneratedRegex(@"^\s{0,3}#{1,6}\s+")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^\s{0,3}>\s?")]
    private static partial Regex Quote();

    [GeneratedRegex(@"^(?<indent>\s*)[-*+]\s+")]
    private static partial Regex Bullet();

    [GeneratedRegex(@"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")]
    private static partial Regex TableRule();

    [GeneratedRegex(@"^\s{0,3}([-*_])(\s*\1){2,}\s*$")]
    private static partial Regex HorizontalRule();

    [GeneratedRegex(@"!\[(?<alt>[^\]]*)\]\([^)]*\)")]
    private static partial Regex Image();

    [GeneratedRegex(@"\[(?<text>[^\]]+)\]\((?<url>[^)\s]+)\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"(\*\*|__)(?<text>.+?)\1|(?<![\w*])\*(?<text>[^*\s][^*]*?)\*(?![\w*])|~~(?<text>.+?)~~")]
    private static partial Regex Emphasis();

    [GeneratedRegex(@"\\(?<char>[!-/:-@\[-`{-~])")]
    private static partial Regex Escaped();

    [GeneratedRegex(@"\n{3,}")]
    private static partial Regex BlankRuns();
}
