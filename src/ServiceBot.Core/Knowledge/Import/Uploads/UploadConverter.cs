using System.Globalization;
using System.Text;
using ServiceBot.Knowledge.Chunking;
using ServiceBot.Knowledge.Reading;
using ServiceBot.Knowledge.Text;

namespace ServiceBot.Knowledge.Import.Uploads;

/// <summary>An uploaded document converted to knowledge Markdown, with the chunks it will be cut into.</summary>
public sealed record ConvertedUpload(string Title, string Markdown, UploadFormat Format, int Clauses);

/// <summary>
/// Converts an uploaded Markdown, Word or PDF file into the clause-structured Markdown the knowledge uses: front matter
/// (title, type, date, effective, expires, superseded_by, source) and a body whose 一、 parts and 第X章/节 become headings and
/// whose (一) clauses and 第X条 articles open paragraphs, so the chunker cuts it as it cuts the committed documents. Word and
/// PDF text goes through <see cref="ParagraphRepair"/> first, which rejoins lines a page or a layout broke.
/// </summary>
public static class UploadConverter
{
    public static readonly IReadOnlyList<string> Types = [DocumentTypes.Policy, DocumentTypes.Law, DocumentTypes.News, DocumentTypes.Guide];

    /// <exception cref="DocumentUploadException">The file is of another type, unreadable, or yields no citable text.</exception>
    public static ConvertedUpload Convert(byte[] content, string fileName, UploadMetadata metadata)
    {
        if (!Types.Contains(metadata.Type))
            throw new DocumentUploadException($"文档类型必须是 {string.Join("、", Types)} 之一。");
        var format = UploadFormats.Detect(content, fileName);
        var (fileTitle, fileMetadata, blocks) = format switch
        {
            UploadFormat.Word => FromWord(content),
            UploadFormat.Pdf => FromParagraphs(ParagraphRepair.SplitParagraphs(PdfText.Read(content)), null),
            _ => FromMarkdown(Encoding.UTF8.GetString(content).TrimStart('\uFEFF'), fileName),
        };
        var title = Clean(metadata.Title) ?? Clean(fileTitle)
            ?? throw new DocumentUploadException("无法确定文档标题，请在表单中填写标题。");
        if (title.Length > 200) throw new DocumentUploadException("标题不能超过 200 个字。");

        var frontMatter = new List<KeyValuePair<string, string>> { new(MetadataKeys.Title, title), new(MetadataKeys.Type, metadata.Type) };
        foreach (var (key, value) in fileMetadata)
            if (key is not (MetadataKeys.Title or MetadataKeys.Type or MetadataKeys.Effective or MetadataKeys.Expires or MetadataKeys.SupersededBy or "source"))
                frontMatter.Add(new(key, value));
        AddDate(frontMatter, MetadataKeys.Effective, metadata.Effective ?? Validity.DocumentValidity.DateOf(fileMetadata, MetadataKeys.Effective));
        AddDate(frontMatter, MetadataKeys.Expires, metadata.Expires ?? Validity.DocumentValidity.DateOf(fileMetadata, MetadataKeys.Expires));
        if ((Clean(metadata.SupersededBy) ?? Clean(fileMetadata.GetValueOrDefault(MetadataKeys.SupersededBy))) is { } by)
            frontMatter.Add(new(MetadataKeys.SupersededBy, by.Trim('《', '》')));
        frontMatter.Add(new("source", Path.GetFileName(fileName)));

        var writer = new MarkdownWriter(frontMatter);
        writer.Heading(1, title);
        foreach (var block in blocks)
        {
            if (block.Kind == KnowledgeBlockKind.SimilarQuestions) writer.SimilarQuestions(block.Questions);
            else if (block.IsHeading) writer.Heading(Math.Max(2, block.Level), block.Text);
            else writer.Paragraph(HalfWidthClauseMarker(block.Text));
        }
        var markdown = writer.ToString();

        var chunks = new StructuralChunker().Chunk(MarkdownDocumentReader.Parse(markdown, "upload", fileName));
        if (chunks.Count == 0 || chunks.All(c => c.Text.Trim().Length == 0))
            throw new DocumentUploadException("文档中没有可引用的正文。");
        return new ConvertedUpload(title, markdown, format, chunks.Count);
    }

    private static (string?, IReadOnlyDictionary<string, string>, IReadOnlyList<KnowledgeBlock>) FromWord(byte[] content)
    {
        var (paragraphs, title) = WordText.Read(content);
        return FromParagraphs(ParagraphRepair.SplitParagraphs(string.Join('\n', paragraphs)), title);
    }

    /// <summary>Headings from structure: short 一、 parts and 第X编/章/节 lines; the title and a "(yyyy年m月d日)" line become front matter.</summary>
    private static (string? Title, IReadOnlyDictionary<string, string> Metadata, IReadOnlyList<KnowledgeBlock> Blocks) FromParagraphs(
        IReadOnlyList<string> paragraphs, string? propertyTitle)
    {
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        var blocks = new List<KnowledgeBlock>();
        var title = propertyTitle;
        var start = 0;
        // A first line that is not structure is the title (when the properties carry none, or it repeats them).
        if (paragraphs.Count > 0 && !IsStructure(paragraphs[0]) && !ChineseText.EndsWithTerminalPunctuation(paragraphs[0])
            && (title is null || Clean(paragraphs[0]) == Clean(title)))
        {
            title ??= paragraphs[0];
            start = 1;
        }
        for (var i = start; i < paragraphs.Count; i++)
        {
            var paragraph = paragraphs[i];
            if (blocks.Count == 0 && !metadata.ContainsKey(MetadataKeys.Date) && paragraph.Length <= 16 && paragraph[0] is '(' or '（'
                && ChineseText.FullDate().Match(paragraph) is { Success: true } date)
            {
                metadata[MetadataKeys.Date] = new DateOnly(int.Parse(date.Groups["year"].Value, CultureInfo.InvariantCulture),
                    int.Parse(date.Groups["month"].Value, CultureInfo.InvariantCulture),
                    int.Parse(date.Groups["day"].Value, CultureInfo.InvariantCulture)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                continue;
            }
            if (ChineseText.PartHeading().IsMatch(paragraph) && !ChineseText.EndsWithTerminalPunctuation(paragraph))
                blocks.Add(new KnowledgeBlock(KnowledgeBlockKind.Heading, paragraph, 2));
            else if (ChineseText.ChapterOrSectionHeading().IsMatch(paragraph))
                blocks.Add(new KnowledgeBlock(KnowledgeBlockKind.Heading, paragraph, paragraph.Split(' ', '\u3000')[0].EndsWith('节') ? 3 : 2));
            else
                blocks.Add(new KnowledgeBlock(KnowledgeBlockKind.Paragraph, paragraph));
        }
        return (title, metadata, blocks);
    }

    private static bool IsStructure(string paragraph)
        => ChineseText.PartHeading().IsMatch(paragraph) || ChineseText.ClauseStart().IsMatch(paragraph)
           || ChineseText.ArticleStart().IsMatch(paragraph) || ChineseText.ChapterOrSectionHeading().IsMatch(paragraph);

    /// <summary>
    /// A Markdown upload keeps its own structure; its title (front matter, else the first-level heading, else the file name)
    /// is written again from the form.
    /// </summary>
    private static (string? Title, IReadOnlyDictionary<string, string> Metadata, IReadOnlyList<KnowledgeBlock> Blocks) FromMarkdown(string markdown, string fileName)
    {
        KnowledgeDocument document;
        try
        {
            document = MarkdownDocumentReader.Parse(markdown, "upload", Path.GetFileName(fileName));
        }
        catch (KnowledgeFormatException error)
        {
            throw new DocumentUploadException($"Markdown 文件格式有误：{error.Message}");
        }
        var blocks = document.Blocks.ToList();
        var titleHeading = blocks.FindIndex(b => b.IsHeading && b.Level == 1);
        if (titleHeading >= 0) blocks.RemoveAt(titleHeading);
        return (document.Title, document.Metadata, blocks);
    }

    /// <summary>"（二）…" → "(二)…": clauses are cited with the half-width marker the committed documents use (四、(八)).</summary>
    private static string HalfWidthClauseMarker(string paragraph)
        => ChineseText.ClauseStart().Match(paragraph) is { Success: true } clause && clause.Value[0] == '（'
            ? "(" + clause.Value[1..^1] + ")" + paragraph[clause.Length..]
            : paragraph;

    private static void AddDate(List<KeyValuePair<string, string>> frontMatter, string key, DateOnly? date)
    {
        if (date is { } value) frontMatter.Add(new(key, value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
    }

    private static string? Clean(string? text)
    {
        var trimmed = text?.Replace('\n', ' ').Trim().Trim('《', '》').Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed;
    }
}
