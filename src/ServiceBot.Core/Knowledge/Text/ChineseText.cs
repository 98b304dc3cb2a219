using System.Text.RegularExpressions;

namespace ServiceBot.Knowledge.Text;

/// <summary>Patterns shared by the importer, the reader and the chunker for Chinese official texts.</summary>
public static partial class ChineseText
{
    /// <summary>Characters that may end a sentence or a complete paragraph.</summary>
    public const string TerminalPunctuation = "。！？；：”’」』…!?;:";

    /// <summary>Punctuation that never occurs inside a heading but does inside running text.</summary>
    private const string SentenceInnerPunctuation = "，。；！？：,;";

    /// <summary>Headings of official texts and news are short; longer standalone lines are prose.</summary>
    public const int MaxHeadingLength = 30;

    /// <summary>"一、总体要求": a part heading of a policy document.</summary>
    [GeneratedRegex(@"^(?<marker>[一二三四五六七八九十]+、)\s*(?<name>\S.{0,29})$")]
    public static partial Regex PartHeading();

    /// <summary>"(八)提高公共服务水平。…": a numbered clause, ASCII or full-width parentheses.</summary>
    [GeneratedRegex(@"^(?<marker>[(（][一二三四五六七八九十]+[)）])")]
    public static partial Regex ClauseStart();

    /// <summary>"第十四条 …": an article of a law; the number is followed by a space (ASCII or ideographic).</summary>
    [GeneratedRegex(@"^(?<marker>第[一二三四五六七八九十百千零〇两]+条(?:之[一二三四五六七八九十]+)?)(?:[ \u3000]|$)")]
    public static partial Regex ArticleStart();

    /// <summary>"第三章 工伤认定" / "第一节 集体合同".</summary>
    [GeneratedRegex(@"^第[一二三四五六七八九十百千零〇]+[编章节](?:[ \u3000]|$)")]
    public static partial Regex ChapterOrSectionHeading();

    /// <summary>"(新华社北京4月26日电)" or "新华社北京4月26日电(记者潘洁)…".</summary>
    [GeneratedRegex(@"^[(（]?新华社(?<place>\S{0,12}?)(?<month>\d{1,2})月(?<day>\d{1,2})日电[)）]?")]
    public static partial Regex XinhuaDateline();

    /// <summary>"2025年10月29日" anywhere in a line.</summary>
    [GeneratedRegex(@"(?<year>\d{4})年(?<month>\d{1,2})月(?<day>\d{1,2})日")]
    public static partial Regex FullDate();

    /// <summary>True when the paragraph ends like a finished sentence (or block), so a following line starts anew.</summary>
    public static bool EndsWithTerminalPunctuation(string paragraph)
    {
        var trimmed = paragraph.TrimEnd();
        return trimmed.Length > 0 && TerminalPunctuation.Contains(trimmed[^1]);
    }

    /// <summary>
    /// A short standalone line without sentence punctuation inside: a title, subtitle, heading, byline or date line.
    /// Such lines legitimately lack terminal punctuation and must not swallow the next line.
    /// </summary>
    public static bool LooksLikeHeading(string line)
    {
        var trimmed = line.Trim();
        if (trimmed.Length == 0 || trimmed.Length > MaxHeadingLength) return false;
        return trimmed.AsSpan(0, trimmed.Length - 1).IndexOfAny(SentenceInnerPunctuation) < 0;
    }

    /// <summary>Lines that always open a new block: part headings, clauses, articles, chapters, datelines, Markdown headings.</summary>
    public static bool StartsStructuralBlock(string line)
    {
        var trimmed = line.TrimStart();
        return trimmed.StartsWith('#')
            || PartHeading().IsMatch(trimmed)
            || ClauseStart().IsMatch(trimmed)
            || ArticleStart().IsMatch(trimmed)
            || ChapterOrSectionHeading().IsMatch(trimmed)
            || XinhuaDateline().IsMatch(trimmed);
    }

    /// <summary>Splits text into sentences, each keeping its terminal mark and any closing quotes after it.</summary>
    public static IReadOnlyList<string> SplitSentences(string text)
    {
        var sentences = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is not ('。' or '！' or '？' or '!' or '?' or '；')) continue;
            var end = i + 1;
            while (end < text.Length && text[end] is '”' or '’' or '」' or '』' or ')' or '）') end++;
            sentences.Add(text[start..end]);
            start = end;
            i = end - 1;
        }
        if (start < text.Length && !string.IsNullOrWhiteSpace(text[start..])) sentences.Add(text[start..]);
        return sentences;
    }
}
