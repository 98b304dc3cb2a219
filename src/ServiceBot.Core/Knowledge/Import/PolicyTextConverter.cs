using System.Globalization;
using ServiceBot.Knowledge.Text;

namespace ServiceBot.Knowledge.Import;

/// <summary>
/// Converts the repaired paragraphs of a policy document (issuer and title lines, "(yyyy年m月d日)", preamble,
/// "一、" parts with "(一)" clauses) into knowledge Markdown.
/// </summary>
public static class PolicyTextConverter
{
    private const string PreambleSection = "序言";

    /// <param name="paragraphs">Paragraphs from <see cref="ParagraphRepair.SplitParagraphs"/>, title block first.</param>
    /// <param name="region">Where the policy applies, e.g. "全国".</param>
    /// <param name="source">Repository-relative path of the plain-text source.</param>
    /// <param name="similarQuestions">相似问法 by section label ("序言", "一、", "四、(八)"), written after each section's text.</param>
    /// <exception cref="FormatException">The title block is missing, or a similar question names a section the text does not have.</exception>
    public static ConvertedText Convert(IReadOnlyList<string> paragraphs, string region, string source,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? similarQuestions = null)
    {
        similarQuestions ??= new Dictionary<string, IReadOnlyList<string>>();
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
        // Section labels follow the chunker: the preamble, a part's own text "一、", a clause "四、(八)".
        string part = "", section = PreambleSection;
        var written = new HashSet<string>(StringComparer.Ordinal);
        void EndSection()
        {
            writer.SimilarQuestions(similarQuestions.GetValueOrDefault(section) ?? []);
            written.Add(section);
        }
        foreach (var paragraph in paragraphs.Skip(dateIndex + 1))
        {
            if (IsPartHeading(paragraph))
            {
                EndSection();
                part = ChineseText.PartHeading().Match(paragraph).Groups["marker"].Value;
                section = part;
                writer.Heading(2, paragraph);
                continue;
            }
            if (ChineseText.ClauseStart().Match(paragraph) is { Success: true } clause)
            {
                EndSection();
                section = part + clause.Groups["marker"].Value;
            }
            writer.Paragraph(paragraph);
        }
        EndSection();
        if (similarQuestions.Keys.FirstOrDefault(k => !written.Contains(k)) is { } unknown)
            throw new FormatException($"similar questions name section “{unknown}”, which “{title}” does not have");
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
