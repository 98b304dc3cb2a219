using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using ServiceBot.Knowledge.Import.Uploads;

namespace ServiceBot.Core.Tests.Knowledge.Import.Uploads;

public sealed class UploadConverterTests
{
    private static byte[] Docx(params string[] paragraphs)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
            document.AddMainDocumentPart().Document = new Document(new Body(paragraphs.Select(p => new Paragraph(new Run(new DocumentFormat.OpenXml.Wordprocessing.Text(p))))));
        return stream.ToArray();
    }

    [Fact]
    public void Convert_WordStatute_DateToFrontMatterChaptersToHeadingsArticlesToChunks()
    {
        var file = Docx("星光驿站管理办法", "（2024年3月1日）", "第一章 总则", "第一条 为了规范星光驿站的管理，制定本办法。",
            "第二条 星光驿站向快递员、外卖骑手免费开放。", "第二章 附则", "第三条 本办法自公布之日起施行。");

        var converted = UploadConverter.Convert(file, "办法.docx", new UploadMetadata(null, "law"));

        Assert.Equal("星光驿站管理办法", converted.Title);
        Assert.Equal(UploadFormat.Word, converted.Format);
        Assert.Equal(3, converted.Clauses);
        Assert.StartsWith("---\ntitle: 星光驿站管理办法\ntype: law\ndate: 2024-03-01\nsource: 办法.docx\n---\n\n# 星光驿站管理办法\n\n## 第一章 总则\n", converted.Markdown, StringComparison.Ordinal);
        Assert.Contains("\n## 第二章 附则\n", converted.Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Convert_ClauseBrokenAcrossLines_RejoinedWithAHalfWidthMarker()
    {
        var file = Docx("关于星光补贴的通知", "一、补贴对象", "（一）在本市从事网约配送、每月夜间接单满六十小时的夜班骑手，经平台企业核实", "后可以申请星光补贴。");

        var converted = UploadConverter.Convert(file, "通知.docx", new UploadMetadata("关于星光补贴的通知（修订）", "policy", new DateOnly(2026, 1, 1), SupersededBy: "《新通知》"));

        Assert.Contains("\n## 一、补贴对象\n\n(一)在本市从事网约配送、每月夜间接单满六十小时的夜班骑手，经平台企业核实后可以申请星光补贴。\n", converted.Markdown, StringComparison.Ordinal);
        Assert.StartsWith("---\ntitle: 关于星光补贴的通知（修订）\ntype: policy\neffective: 2026-01-01\nsuperseded_by: 新通知\n", converted.Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Convert_MarkdownWithFrontMatter_FormWinsAndStructureAndQuestionsStay()
    {
        var markdown = "---\ntitle: 旧标题\ntype: news\nexpires: 2030-01-01\nissuer: 某市人社局\n---\n\n# 旧标题\n\n## 一、对象\n\n(一)骑手可以申请补贴。\n\n<!-- 相似问法\n- 骑手有补贴吗\n-->\n";

        var converted = UploadConverter.Convert(Encoding.UTF8.GetBytes(markdown), "notice.md", new UploadMetadata("新标题", "policy"));

        Assert.StartsWith("---\ntitle: 新标题\ntype: policy\nissuer: 某市人社局\nexpires: 2030-01-01\nsource: notice.md\n---\n\n# 新标题\n\n## 一、对象\n\n(一)骑手可以申请补贴。\n", converted.Markdown, StringComparison.Ordinal);
        Assert.Contains("- 骑手有补贴吗", converted.Markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("旧标题", converted.Markdown, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("# 只有标题\n", "notice.md", "没有可引用的正文")]
    [InlineData("# 标题\n\n正文。\n", "notice.doc", "不支持的文件类型")]
    [InlineData("# 标题\n\n正文。\n", "notice.pdf", "不是 PDF")]
    public void Convert_BadInput_RejectedWithAMessage(string text, string fileName, string message)
    {
        var error = Assert.Throws<DocumentUploadException>(() => UploadConverter.Convert(Encoding.UTF8.GetBytes(text), fileName, new UploadMetadata(null, "policy")));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Convert_UnknownType_Rejected()
    {
        Assert.Throws<DocumentUploadException>(() => UploadConverter.Convert(Encoding.UTF8.GetBytes("# 标题\n\n正文。\n"), "a.md", new UploadMetadata(null, "memo")));
    }
}
