using System.Text;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Spectre.Console;

namespace ServiceBot.Cli;

/// <summary>
/// Reply Markdown as lines of Spectre.Console markup: bold and italics as styles, lists with bullets or numbers, quoted
/// clauses behind a bar, headings underlined. Every piece of text is escaped, so brackets in an answer stay text.
/// </summary>
public static class TerminalMarkdown
{
    private const string QuoteBar = "[grey]│[/] ";
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().Build();

    public static IReadOnlyList<string> ToMarkupLines(string markdown)
    {
        var lines = new List<string>();
        foreach (var block in Markdown.Parse(markdown.Replace("\r\n", "\n"), Pipeline)) RenderBlock(block, lines);
        while (lines.Count > 0 && lines[^1].Length == 0) lines.RemoveAt(lines.Count - 1);
        return lines;
    }

    private static void RenderBlock(Block block, List<string> lines)
    {
        switch (block)
        {
            case HeadingBlock heading:
                Gap(lines);
                lines.Add($"[bold underline]{Inline(heading.Inline)}[/]");
                break;
            case ListBlock list:
                Gap(lines);
                var number = int.TryParse(list.OrderedStart, out var start) ? start : 1;
                foreach (var item in list.OfType<ListItemBlock>())
                {
                    var marker = list.IsOrdered ? $"{number++}. " : "• ";
                    var inner = Children(item).Where(l => l.Length > 0).ToList();
                    for (var i = 0; i < inner.Count; i++) lines.Add((i == 0 ? marker : new string(' ', marker.Length)) + inner[i]);
                }
                break;
            case QuoteBlock quote:
                Gap(lines);
                foreach (var line in Children(quote)) lines.Add(line.Length == 0 ? QuoteBar.TrimEnd() : $"{QuoteBar}[italic]{line}[/]");
                break;
            case ThematicBreakBlock:
                Gap(lines);
                lines.Add("[grey]────────[/]");
                break;
            case CodeBlock code:
                Gap(lines);
                foreach (var line in code.Lines.ToString().Split('\n')) lines.Add("  " + Markup.Escape(line.TrimEnd()));
                break;
            case LeafBlock leaf:
                Gap(lines);
                lines.AddRange(Inline(leaf.Inline).Split('\n'));
                break;
            case ContainerBlock container:
                foreach (var child in container) RenderBlock(child, lines);
                break;
        }
    }

    private static List<string> Children(ContainerBlock container)
    {
        var lines = new List<string>();
        foreach (var child in container) RenderBlock(child, lines);
        return lines;
    }

    /// <summary>A blank line between blocks, as the Markdown had.</summary>
    private static void Gap(List<string> lines)
    {
        if (lines.Count > 0 && lines[^1].Length > 0) lines.Add("");
    }

    private static string Inline(ContainerInline? container)
    {
        var text = new StringBuilder();
        for (var inline = container?.FirstChild; inline is not null; inline = inline.NextSibling) Append(inline, text);
        return text.ToString();
    }

    private static void Append(Inline inline, StringBuilder text)
    {
        switch (inline)
        {
            case LiteralInline literal:
                text.Append(Markup.Escape(literal.Content.ToString()));
                break;
            case EmphasisInline emphasis:
                var inner = Inline(emphasis);
                if (inner.Length == 0) break;
                var style = emphasis.DelimiterChar == '~' ? "strikethrough" : emphasis.DelimiterCount >= 2 ? "bold" : "italic";
                text.Append('[').Append(style).Append(']').Append(inner).Append("[/]");
                break;
            case CodeInline code:
                text.Append(Markup.Escape(code.Content));
                break;
            case LinkInline link:
                var label = Inline(link);
                text.Append(label);
                if (link.Url is { Length: > 0 } url && url != label) text.Append(" (").Append(Markup.Escape(url)).Append(')');
                break;
            case LineBreakInline:
                text.Append('\n');
                break;
            case HtmlEntityInline entity:
                text.Append(Markup.Escape(entity.Transcoded.ToString()));
                break;
            case HtmlInline html:
                text.Append(Markup.Escape(html.Tag));
                break;
            case ContainerInline container:
                text.Append(Inline(container));
                break;
            default:
                text.Append(Markup.Escape(inline.ToString() ?? ""));
                break;
        }
    }
}
