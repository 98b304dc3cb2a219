using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace ServiceBot.Knowledge.Import.Uploads;

/// <summary>The paragraphs of a Word (.docx) document, in reading order, and the title its properties carry.</summary>
public static class WordText
{
    /// <exception cref="DocumentUploadException">The file is not a readable .docx.</exception>
    public static (IReadOnlyList<string> Paragraphs, string? Title) Read(byte[] content)
    {
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            using var document = WordprocessingDocument.Open(stream, isEditable: false);
            var body = document.MainDocumentPart?.Document?.Body
                ?? throw new DocumentUploadException("Word 文档没有正文。");
            var paragraphs = body.Descendants<Paragraph>()
                .Select(p => string.Concat(p.Descendants<DocumentFormat.OpenXml.Wordprocessing.Text>().Select(t => t.Text)).Trim())
                .Where(p => p.Length > 0)
                .ToList();
            var title = document.PackageProperties.Title?.Trim();
            return (paragraphs, string.IsNullOrEmpty(title) ? null : title);
        }
        // A damaged package surfaces as one of many types (zip, packaging, XML, OpenXml); none of them is the server's fault.
        catch (Exception error) when (error is not DocumentUploadException and not OutOfMemoryException)
        {
            throw new DocumentUploadException("无法读取 Word 文档，文件可能已损坏或已加密。");
        }
    }
}
