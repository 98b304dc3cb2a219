using System.Globalization;
using ServiceBot.Knowledge.Text;

namespace ServiceBot.Knowledge.Import;

/// <summary>
/// Converts the repaired paragraphs of a policy document (issuer and title lines, "(yyyy年m月d日)", preamble,
/// "一、" parts with "(一)" clauses) into knowledge Markdown.
/// </summary>
public static class PolicyTextConverter
{
    /// <param name="paragraphs">Paragraphs from <see cref="ParagraphRepair.SplitParagraphs"/>, title block first.</param>
    /// <param name="region">Where the policy applies, e.g. "全国".</param>
    /// <param name="source">Repository-relative path of the plain-text source.</param>
    public static ConvertedText Convert(IReadOnlyList<string> paragraphs, string region, string source)
    {
        var dateIndex = FindIndex(paragraphs, IsDateLine);
        if (dateIndex < 1)
            throw new FormatException("policy text must start with title line(s) followed by a \"(yyyy年m月d日)\" date line");

        // The title block is the issuer line(s) followed by the "关于…" title line.
        var title = paragraphs[dateIndex - 1];
        var issuer = string.Join(" ", paragraphs.Take(dateIndex - 1));
        var date = ParseDate(paragraphs[dateIndex]);
        var writer = new MarkdownWriter(
        [
            new("title", title),
            new("issuer", issuer),
            new("date", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            new("type", "policy"),
            new("region", region),
            new("source", source),
        ]);
        writer.Heading(1, title);
        foreach (var paragraph in paragraphs.Skip(dateIndex + 1))
        {
            if (IsPartHeading(paragraph)) writer.Heading(2, paragraph);
            else writer.Paragraph(paragraph);
        }
        return new ConvertedText(title, date, writer.ToString());
    }

    private static bool IsDateLine(string paragraph)
        => paragraph.Length <= 16 && paragraph[0] is '(' or '（' && ChineseText.FullDate().IsMatch(paragraph);

    private static bool IsPartHeading(string paragraph)
        => ChineseText.PartHeading().IsMatch(paragraph) && !ChineseText.EndsWithTerminalPunctuation(paragraph);

    private static DateOnly ParseDate(string text)
    {
        var match = ChineseText.FullDate().Match(text);
        return new DateOnly(
            int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture),
            int.Parse(match.Groups["month"].Value, CultureInfo.InvariantCulture),
            int.Parse(match.Groups["day"].Value, CultureInfo.InvariantCulture));
    }

    private static int FindIndex(IReadOnlyList<string> items, Func<string, bool> predicate)
    {
        for (var i = 0; i < items.Count; i++) if (predicate(items[i])) return i;
        return -1;
    }
}
