using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace ServiceBot.Server.Tests.Staff.Admin;

/// <summary>Small upload fixtures, generated in the test: a fictitious notice as Markdown, Word (.docx) and PDF.</summary>
internal static class TestDocuments
{
    /// <summary>A notice whose words appear nowhere in the repository's knowledge, so finding it proves the upload was indexed.</summary>
    public static readonly string[] StarlightNotice =
    [
        "关于试行夜班骑手星光补贴的通知",
        "一、补贴对象",
        "（一）在本市从事网约配送、每月夜间接单满六十小时的夜班骑手，可以申请星光补贴。",
        "（二）夜班骑手星光补贴的标准为每人每月二百元，按季度发放。",
        "二、申请方式",
        "（一）夜班骑手通过本市政务服务网提交星光补贴申请，平台企业应当在五个工作日内核实夜间接单时长。",
    ];

    public const string StarlightQuestion = "夜班骑手星光补贴的标准是多少";

    public static byte[] Markdown(IReadOnlyList<string> lines)
        => Encoding.UTF8.GetBytes("# " + lines[0] + "\n\n" + string.Join("\n\n", lines.Skip(1).Select(l => l.StartsWith('一') || l.StartsWith('二') ? "## " + l : l)) + "\n");

    /// <summary>A .docx with one Word paragraph per line and the first line as the document's title property.</summary>
    public static byte[] Docx(IReadOnlyList<string> lines)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body(lines.Select(l => new Paragraph(new Run(new DocumentFormat.OpenXml.Wordprocessing.Text(l) { Space = SpaceProcessingModeValues.Preserve })))));
            document.PackageProperties.Title = lines[0];
        }
        return stream.ToArray();
    }

    /// <summary>
    /// A one-page PDF with one text line per entry. The font is a CID font with a ToUnicode map and no embedded glyphs:
    /// all a reader needs to extract the text, and small enough to write by hand.
    /// </summary>
    public static byte[] Pdf(IReadOnlyList<string> lines)
    {
        var characters = lines.SelectMany(l => l).Distinct().ToList();
        string Code(char c) => (characters.IndexOf(c) + 1).ToString("X4", CultureInfo.InvariantCulture);

        var content = new StringBuilder("BT\n/F1 10 Tf\n");
        for (var i = 0; i < lines.Count; i++)
            content.Append(CultureInfo.InvariantCulture, $"1 0 0 1 40 {800 - i * 20} Tm\n<{string.Concat(lines[i].Select(Code))}> Tj\n");
        content.Append("ET\n");

        var cmap = new StringBuilder("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n")
            .Append("/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n")
            .Append("1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
        foreach (var block in characters.Chunk(100))
        {
            cmap.Append(CultureInfo.InvariantCulture, $"{block.Length} beginbfchar\n");
            foreach (var c in block) cmap.Append(CultureInfo.InvariantCulture, $"<{Code(c)}> <{((int)c).ToString("X4", CultureInfo.InvariantCulture)}>\n");
            cmap.Append("endbfchar\n");
        }
        cmap.Append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");

        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
            "<< /Type /Font /Subtype /Type0 /BaseFont /TestSong /Encoding /Identity-H /DescendantFonts [6 0 R] /ToUnicode 7 0 R >>",
            Stream(content.ToString()),
            "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /TestSong /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 8 0 R /DW 1000 /CIDToGIDMap /Identity >>",
            Stream(cmap.ToString()),
            "<< /Type /FontDescriptor /FontName /TestSong /Flags 4 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 900 /Descent -200 /CapHeight 700 /StemV 80 >>",
        ];
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(Encoding.ASCII.GetByteCount(pdf.ToString()));
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = Encoding.ASCII.GetByteCount(pdf.ToString());
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets) pdf.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());

        static string Stream(string text) => $"<< /Length {Encoding.ASCII.GetByteCount(text)} >>\nstream\n{text}endstream";
    }
}
