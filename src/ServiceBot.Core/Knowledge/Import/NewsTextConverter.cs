using System.Globalization;
using System.Text.RegularExpressions;
using ServiceBot.Knowledge.Text;

namespace ServiceBot.Knowledge.Import;

/// <summary>
/// Splits repaired paragraphs of Xinhua news copy into articles at their datelines and converts each to Markdown.
/// Short standalone lines become "##" subheadings; the first one or two ("——" subtitle) before a dateline are the title.
/// </summary>
public static partial class NewsTextConverter
{
    private const string Issuer = "新华社";

    /// <param name="paragraphs">News paragraphs from <see cref="ParagraphRepair.SplitParagraphs"/>.</param>
    /// <param name="year">Datelines carry only month and day; the caller supplies the year it inferred.</param>
    /// <param name="source">Repository-relative path of the plain-text source.</param>
    public static IReadOnlyList<ConvertedText> Convert(IReadOnlyList<string> paragraphs, int year, string source)
    {
        var drafts = new List<Draft>();
        foreach (var paragraph in paragraphs)
        {
            var dateline = ChineseText.XinhuaDateline().Match(paragraph);
            if (dateline.Success)
            {
                var title = drafts.Count > 0 ? drafts[^1].TakeTrailingTitle() : [];
                var draft = new Draft(dateline, title);
                var lead = paragraph[dateline.Length..];
                if (lead.Length > 0)
                {
                    // Inline dateline: "新华社北京4月26日电(记者潘洁)深化…" is the lead paragraph itself.
                    draft.Author = InlineReporter().Match(lead) is { Success: true } reporter ? reporter.Groups["names"].Value : null;
                    draft.Body.Add(new BodyItem(false, paragraph));
                }
                drafts.Add(draft);
            }
            else if (drafts.Count == 0)
                throw new FormatException($"news text must start with a Xinhua dateline, found: {paragraph}");
            else if (drafts[^1].Body.Count == 0 && Byline().Match(paragraph) is { Success: true } byline)
                drafts[^1].Author = byline.Groups["names"].Value;
            else
                drafts[^1].Body.Add(new BodyItem(ChineseText.LooksLikeHeading(paragraph), paragraph));
        }
        return AttachOrphanTitles(drafts).Select(d => d.ToArticle(year, source)).ToList();
    }

    // Layout extraction can move a headline below its story: a dateline followed only by title lines is the
    // header of the previous, untitled story.
    private static List<Draft> AttachOrphanTitles(List<Draft> drafts)
    {
        var articles = new List<Draft>();
        foreach (var draft in drafts)
        {
            if (draft.Body.Any(item => !item.IsHeading))
            {
                articles.Add(draft);
                continue;
            }
            var previous = articles.Count > 0 ? articles[^1] : null;
            if (previous is null || previous.TitleParts.Count > 0 || draft.Body.Count == 0 || previous.DatelineText != draft.DatelineText)
                throw new FormatException($"title block has no story to attach to: {string.Join(" / ", draft.Body.Select(b => b.Text))}");
            previous.TitleParts.AddRange(draft.Body.Select(b => b.Text));
        }
        return articles;
    }

    [GeneratedRegex(@"^□?\s*新华社记者\s*(?<names>\S.*)$")]
    private static partial Regex Byline();

    [GeneratedRegex(@"^[(（]记者(?<names>[^)）]+)[)）]")]
    private static partial Regex InlineReporter();

    private sealed record BodyItem(bool IsHeading, string Text);

    private sealed class Draft(Match dateline, List<string> titleParts)
    {
        public List<string> TitleParts { get; } = titleParts;
        public string DatelineText { get; } = dateline.Value.Trim('(', ')', '（', '）');
        public int Month { get; } = int.Parse(dateline.Groups["month"].Value, CultureInfo.InvariantCulture);
        public int Day { get; } = int.Parse(dateline.Groups["day"].Value, CultureInfo.InvariantCulture);
        public string? Author { get; set; }
        public List<BodyItem> Body { get; } = [];

        /// <summary>Removes and returns the last title (with its "——" subtitle) from the headings ending this draft.</summary>
        public List<string> TakeTrailingTitle()
        {
            var start = Body.Count;
            while (start > 0 && Body[start - 1].IsHeading) start--;
            if (start == Body.Count) return [];
            var titleStart = Body.Count - 1;
            while (titleStart > start && Body[titleStart].Text.StartsWith("——", StringComparison.Ordinal)) titleStart--;
            var title = Body.Skip(titleStart).Select(b => b.Text).ToList();
            Body.RemoveRange(titleStart, Body.Count - titleStart);
            return title;
        }

        public ConvertedText ToArticle(int year, string source)
        {
            if (TitleParts.Count == 0) throw new FormatException($"news item with dateline {DatelineText} has no title");
            var title = string.Concat(TitleParts);
            var date = new DateOnly(year, Month, Day);
            var frontMatter = new List<KeyValuePair<string, string>>
            {
                new("title", title),
                new("issuer", Issuer),
                new("date", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                new("date_note", $"电头仅注明{Month}月{Day}日，年份{year}为推断"),
                new("type", "news"),
            };
            if (Author is not null) frontMatter.Add(new("author", Author));
            frontMatter.Add(new("dateline", DatelineText));
            frontMatter.Add(new("source", source));

            var writer = new MarkdownWriter(frontMatter);
            writer.Heading(1, title);
            foreach (var item in Body)
            {
                if (item.IsHeading) writer.Heading(2, item.Text);
                else writer.Paragraph(item.Text);
            }
            return new ConvertedText(title, date, writer.ToString());
        }
    }
}
