using System.Text;

namespace ServiceBot.Knowledge.Import.Uploads;

public enum UploadFormat
{
    Markdown,
    Word,
    Pdf,
}

/// <summary>A file that cannot become knowledge; the message is for the person who uploaded it.</summary>
public sealed class DocumentUploadException(string message) : Exception(message);

/// <summary>Decides what an uploaded file is from its first bytes, and checks that its name says the same.</summary>
public static class UploadFormats
{
    private static readonly byte[] ZipSignature = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] PdfSignature = "%PDF-"u8.ToArray();
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <exception cref="DocumentUploadException">Not Markdown, .docx or PDF, or the content contradicts the name.</exception>
    public static UploadFormat Detect(ReadOnlySpan<byte> content, string fileName)
    {
        if (content.IsEmpty) throw new DocumentUploadException("文件是空的。");
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        var format = extension switch
        {
            ".md" or ".markdown" => UploadFormat.Markdown,
            ".docx" => UploadFormat.Word,
            ".pdf" => UploadFormat.Pdf,
            _ => throw new DocumentUploadException($"不支持的文件类型（{(extension.Length == 0 ? "无扩展名" : extension)}）：只接受 Markdown（.md）、Word（.docx）和 PDF（.pdf）。"),
        };
        var matches = format switch
        {
            UploadFormat.Word => content.StartsWith(ZipSignature),
            UploadFormat.Pdf => content.StartsWith(PdfSignature),
            _ => IsText(content),
        };
        if (!matches)
            throw new DocumentUploadException(format switch
            {
                UploadFormat.Word => "文件内容不是 Word 文档（.docx）。旧版 .doc 请先另存为 .docx。",
                UploadFormat.Pdf => "文件内容不是 PDF。",
                _ => "Markdown 文件必须是 UTF-8 编码的文本。",
            });
        return format;
    }

    private static bool IsText(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith(ZipSignature) || content.StartsWith(PdfSignature) || content.Contains((byte)0)) return false;
        try
        {
            StrictUtf8.GetCharCount(content);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
