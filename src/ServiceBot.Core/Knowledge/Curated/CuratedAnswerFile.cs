using System.Security.Cryptography;
using System.Text;
using ServiceBot.Knowledge.Chunking;
using ServiceBot.Knowledge.Import;
using ServiceBot.Knowledge.Reading;

namespace ServiceBot.Knowledge.Curated;

/// <summary>A clause a curated answer rests on, named as citations name it.</summary>
public sealed record CitedClause(string Source, string Section)
{
    /// <summary>"《source》section", the form the front matter and the console use.</summary>
    public override string ToString() => $"《{Source}》{Section}";

    /// <summary>Reads "《source》section"; null when the text is not in that form.</summary>
    public static CitedClause? Parse(string text)
    {
        var value = text.Trim();
        var close = value.IndexOf('》', StringComparison.Ordinal);
        if (!value.StartsWith('《') || close < 2 || close == value.Length - 1) return null;
        return new CitedClause(value[1..close].Trim(), value[(close + 1)..].Trim());
    }
}

/// <summary>A curated answer as an editor wrote it: the questions it answers, its text and the clauses it rests on.</summary>
public sealed record CuratedAnswer(IReadOnlyList<string> Questions, string Text, IReadOnlyList<CitedClause> Citations);

/// <summary>
/// The Markdown of a curated answer (a Q&amp;A entry), one file per entry under <c>answers/</c> of a knowledge folder:
/// <code>
/// ---
/// title: 精选答复：骑手住的城中村房租太贵了政府管不管
/// type: qa
/// cites:
///   - 《关于加强新就业群体服务管理的意见》四、(九)
/// ---
///
/// # 精选答复：骑手住的城中村房租太贵了政府管不管
///
/// &lt;!-- 相似问法
/// - 骑手住的城中村房租太贵了政府管不管
/// --&gt;
///
/// The answer, one paragraph a line.
/// </code>
/// The knowledge reader reads it like any document: one chunk whose 相似问法 are the questions and whose text is the answer.
/// The answer composer answers a matching question with that text and cites the clauses of <c>cites</c>; the entry itself is
/// never retrieved or cited as a clause.
/// </summary>
public static class CuratedAnswerFile
{
    /// <summary>The folder of a knowledge root that holds the entries.</summary>
    public const string FolderName = "answers";

    /// <summary>The front matter key listing the cited clauses as "《source》section".</summary>
    public const string CitesKey = "cites";

    public const string TitlePrefix = "精选答复：";

    private const int TitleQuestionLength = 40;

    /// <summary>Whether the chunk belongs to a curated answer.</summary>
    public static bool IsCurated(KnowledgeChunk chunk) => chunk.Metadata.GetValueOrDefault(MetadataKeys.Type) == DocumentTypes.Qa;

    /// <summary>The clauses a curated answer's chunk cites, in the editor's order; malformed lines are skipped.</summary>
    public static IReadOnlyList<CitedClause> CitationsOf(KnowledgeChunk chunk)
        => ParseCitations(chunk.Metadata.GetValueOrDefault(CitesKey) ?? "");

    /// <summary>The entry's file name, stable for its first question: writing the same question again replaces the entry.</summary>
    public static string FileNameFor(string questionKey)
        => "qa-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(questionKey)))[..12] + ".md";

    public static string Format(CuratedAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var first = answer.Questions[0];
        var title = TitlePrefix + (first.Length > TitleQuestionLength ? first[..TitleQuestionLength] + "…" : first);
        var writer = new MarkdownWriter(
            [new(MetadataKeys.Title, title), new(MetadataKeys.Type, DocumentTypes.Qa)],
            [new(CitesKey, answer.Citations.Select(c => c.ToString()).ToList())]);
        writer.Heading(1, title);
        writer.SimilarQuestions(answer.Questions);
        foreach (var line in Lines(answer.Text)) writer.Paragraph(line);
        return writer.ToString();
    }

    /// <summary>Reads an entry back (for the before of an audit entry).</summary>
    /// <exception cref="KnowledgeFormatException">The text is not a readable knowledge document.</exception>
    public static CuratedAnswer Parse(string markdown, string sourcePath)
    {
        var document = MarkdownDocumentReader.Parse(markdown, Path.GetFileNameWithoutExtension(sourcePath), sourcePath);
        var questions = document.Blocks.SelectMany(b => b.Questions).ToList();
        var text = string.Join("\n", document.Blocks.Where(b => b.IsParagraph).Select(b => b.Text));
        return new CuratedAnswer(questions, text, ParseCitations(document.Metadata.GetValueOrDefault(CitesKey) ?? ""));
    }

    /// <summary>The answer's non-blank lines, trimmed: each is one paragraph.</summary>
    public static IReadOnlyList<string> Lines(string text)
        => text.ReplaceLineEndings("\n").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();

    private static List<CitedClause> ParseCitations(string lines)
        => lines.Split('\n').Select(CitedClause.Parse).OfType<CitedClause>().ToList();
}
