using System.Text;
using Markdig;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using ServiceBot.Knowledge.Text;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace ServiceBot.Knowledge.Reading;

/// <summary>
/// Reads knowledge Markdown: files with YAML front matter (policies, news, guides) and the law files of the
/// knowledge corpus, which instead carry a "# title", history lines and an "&lt;!-- INFO END --&gt;" marker.
/// </summary>
public static class MarkdownDocumentReader
{
    private const string InfoEndMarker = "INFO END";
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseYamlFrontMatter().Build();
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly IDeserializer Yaml = new DeserializerBuilder().Build();

    /// <summary>Reads every *.md file below <paramref name="knowledgeRoot"/> (README.md excluded), collecting failures per file.</summary>
    public static KnowledgeLoadResult ReadDirectory(string knowledgeRoot)
    {
        var documents = new List<KnowledgeDocument>();
        var failures = new List<KnowledgeFormatException>();
        var files = Directory.EnumerateFiles(knowledgeRoot, "*.md", SearchOption.AllDirectories)
            .Where(f => !Path.GetFileName(f).Equals("README.md", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            try { documents.Add(ReadFile(file, knowledgeRoot)); }
            catch (KnowledgeFormatException failure) { failures.Add(failure); }
        }
        return new KnowledgeLoadResult(documents, failures);
    }

    /// <summary>Reads one file; its id is its path relative to <paramref name="knowledgeRoot"/> without extension.</summary>
    /// <exception cref="KnowledgeFormatException">The file is not UTF-8, is empty or has malformed front matter.</exception>
    public static KnowledgeDocument ReadFile(string path, string knowledgeRoot)
    {
        string text;
        try
        {
            text = StrictUtf8.GetString(File.ReadAllBytes(path));
        }
        catch (DecoderFallbackException error)
        {
            throw new KnowledgeFormatException(path, "file is not valid UTF-8 text", innerException: error);
        }
        return Parse(text, DocumentIdFor(path, knowledgeRoot), path);
    }

    /// <summary>"laws/工伤保险条例" for "{root}/laws/工伤保险条例.md".</summary>
    public static string DocumentIdFor(string path, string knowledgeRoot)
    {
        var relative = Path.GetRelativePath(knowledgeRoot, path).Replace('\\', '/');
        var extension = Path.GetExtension(relative);
        return extension.Length > 0 ? relative[..^extension.Length] : relative;
    }

    /// <summary>Parses Markdown text already in memory.</summary>
    /// <param name="sourcePath">Names the source in errors and in <see cref="KnowledgeDocument.SourcePath"/>.</param>
    /// <exception cref="KnowledgeFormatException">The text is empty or has malformed front matter.</exception>
    public static KnowledgeDocument Parse(string markdown, string documentId, string sourcePath)
    {
        var text = markdown.TrimStart('\uFEFF').ReplaceLineEndings("\n");
        if (string.IsNullOrWhiteSpace(text)) throw new KnowledgeFormatException(sourcePath, "file is empty");

        var syntax = Markdown.Parse(text, Pipeline);
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        if (syntax.FirstOrDefault() is YamlFrontMatterBlock frontMatter)
            ReadFrontMatter(SourceOf(text, frontMatter), sourcePath, metadata);
        else if (text.StartsWith("---\n", StringComparison.Ordinal))
            throw new KnowledgeFormatException(sourcePath, "front matter starts with '---' but is never closed");

        var blocks = new List<KnowledgeBlock>();
        var history = new List<string>();
        foreach (var block in syntax)
        {
            switch (block)
            {
                case YamlFrontMatterBlock or ThematicBreakBlock or LinkReferenceDefinitionGroup:
                    break;
                case HeadingBlock heading:
                    blocks.Add(new KnowledgeBlock(KnowledgeBlockKind.Heading, HeadingText(text, heading), heading.Level));
                    break;
                case HtmlBlock html when SourceOf(text, html).Contains(InfoEndMarker, StringComparison.Ordinal):
                    // Corpus law files: the lines between the title and the marker are promulgation/amendment history.
                    history.AddRange(blocks.Where(b => b.IsParagraph).Select(b => b.Text));
                    blocks.RemoveAll(b => b.IsParagraph);
                    break;
                case HtmlBlock html when SimilarQuestionsBlock.TryParse(SourceOf(text, html)) is { Count: > 0 } questions:
                    blocks.Add(new KnowledgeBlock(KnowledgeBlockKind.SimilarQuestions, string.Join("\n", questions)));
                    break;
                case HtmlBlock:
                    break;
                case ParagraphBlock paragraph:
                    // Chinese sources put one paragraph per line, so every source line is its own paragraph.
                    foreach (var line in SourceOf(text, paragraph).Split('\n'))
                        if (line.Trim() is { Length: > 0 } trimmed)
                            blocks.Add(new KnowledgeBlock(KnowledgeBlockKind.Paragraph, MarkdownBlockEscape.Unescape(trimmed)));
                    break;
                default:
                    // Lists, tables, quotes and code keep their Markdown so nothing (e.g. a material list) is lost.
                    if (SourceOf(text, block).Trim() is { Length: > 0 } raw)
                        blocks.Add(new KnowledgeBlock(KnowledgeBlockKind.Paragraph, raw));
                    break;
            }
        }

        var title = metadata.GetValueOrDefault(MetadataKeys.Title)
                    ?? blocks.FirstOrDefault(b => b.IsHeading && b.Level == 1)?.Text
                    ?? Path.GetFileNameWithoutExtension(sourcePath);
        metadata[MetadataKeys.Title] = title;
        if (history.Count > 0)
        {
            metadata[MetadataKeys.History] = string.Join("\n", history);
            if (LatestDate(history) is { } latest) metadata.TryAdd(MetadataKeys.Date, latest);
        }
        if (!metadata.ContainsKey(MetadataKeys.Type)
            && (history.Count > 0 || blocks.Any(b => b.IsParagraph && ChineseText.ArticleStart().IsMatch(b.Text))))
            metadata[MetadataKeys.Type] = DocumentTypes.Law;

        return new KnowledgeDocument(documentId, title, metadata, blocks, sourcePath);
    }

    private static void ReadFrontMatter(string source, string sourcePath, Dictionary<string, string> metadata)
    {
        // The block's source includes the opening and closing fences.
        var lines = source.Split('\n');
        var yaml = string.Join("\n", lines.Skip(1).Take(Math.Max(0, lines.Length - 2)));
        object? root;
        try
        {
            root = Yaml.Deserialize<object?>(yaml);
        }
        catch (YamlException error)
        {
            throw new KnowledgeFormatException(sourcePath, $"invalid YAML front matter: {error.Message}", (int)error.Start.Line + 1, error);
        }
        if (root is null) return;
        if (root is not Dictionary<object, object?> mapping)
            throw new KnowledgeFormatException(sourcePath, "front matter must be a YAML mapping of key: value");
        foreach (var (key, value) in mapping)
        {
            var name = key.ToString() ?? "";
            metadata[name] = value switch
            {
                null => "",
                string scalar => scalar,
                List<object?> list when list.All(item => item is string or null) => string.Join("\n", list),
                _ => throw new KnowledgeFormatException(sourcePath, $"front matter key '{name}' must be a scalar or a list of scalars"),
            };
        }
    }

    private static string? LatestDate(IEnumerable<string> lines)
    {
        var dates = lines.SelectMany(line => ChineseText.FullDate().Matches(line))
            .Select(m => new DateOnly(int.Parse(m.Groups["year"].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(m.Groups["month"].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(m.Groups["day"].Value, System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
        return dates.Count == 0 ? null : dates.Max().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string HeadingText(string text, HeadingBlock heading)
    {
        var source = SourceOf(text, heading);
        if (heading.IsSetext) return source.Split('\n')[0].Trim();
        var content = source.TrimStart('#').Trim();
        var closing = content.TrimEnd('#');
        return closing.Length < content.Length && closing.EndsWith(' ') ? closing.Trim() : content;
    }

    private static string SourceOf(string text, Block block)
        => block.Span.IsEmpty ? "" : text.Substring(block.Span.Start, Math.Min(block.Span.Length, text.Length - block.Span.Start));
}
