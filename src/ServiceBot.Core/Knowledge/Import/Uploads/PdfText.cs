using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace ServiceBot.Knowledge.Import.Uploads;

/// <summary>
/// The text lines of a PDF, page by page, rebuilt from its letters: letters on one baseline form a line, read left to
/// right; lines top to bottom. Chinese text carries no spaces, so no word segmentation is attempted here.
/// </summary>
public static class PdfText
{
    /// <exception cref="DocumentUploadException">The file is not a readable PDF, or has no extractable text (a scan).</exception>
    public static string Read(byte[] content)
    {
        var text = new StringBuilder();
        try
        {
            using var document = PdfDocument.Open(content);
            foreach (var page in document.GetPages())
                foreach (var line in Lines(page)) text.Append(line).Append('\n');
        }
        catch (Exception error) when (error is not DocumentUploadException and not OutOfMemoryException)
        {
            // PdfPig reports damaged or encrypted files with several exception types of its own.
            throw new DocumentUploadException("无法读取 PDF，文件可能已损坏或已加密。");
        }
        if (text.ToString().Trim().Length == 0)
            throw new DocumentUploadException("PDF 中没有可提取的文字（可能是扫描件），请上传文字版。");
        return text.ToString();
    }

    private static IEnumerable<string> Lines(Page page)
        => page.Letters
            .GroupBy(l => Math.Round(l.StartBaseLine.Y, 0))
            .OrderByDescending(g => g.Key)
            .Select(g => string.Concat(g.OrderBy(l => l.StartBaseLine.X).Select(l => l.Value)).Trim())
            .Where(l => l.Length > 0);
}
