using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using ServiceBot.Handoff;
using ServiceBot.Server.Staff.Admin;
using static ServiceBot.Server.Tests.Staff.Admin.AdminServer;

namespace ServiceBot.Server.Tests.Staff.Admin;

/// <summary><c>POST /api/admin/documents</c> over real HTTP: each accepted type is converted to clause-structured Markdown; bad files get 400.</summary>
public sealed class DocumentUploadTests(AdminServer server) : IClassFixture<AdminServer>
{
    private static string[] Titled(string title) => [title, .. TestDocuments.StarlightNotice.Skip(1)];

    public static TheoryData<string, string> Formats => new() { { "md", "markdown" }, { "docx", "word" }, { "pdf", "pdf" } };

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Upload_EachType_SavedAsClauseStructuredMarkdown(string extension, string format)
    {
        using var admin = server.As(AdminToken);
        var title = $"关于试行夜班骑手星光补贴的通知（{extension}版）";
        var lines = Titled(title);
        var file = extension switch { "md" => TestDocuments.Markdown(lines), "docx" => TestDocuments.Docx(lines), _ => TestDocuments.Pdf(lines) };

        using var response = await AdminHttp.UploadAsync(admin, file, "notice." + extension,
            new Dictionary<string, string> { ["type"] = "policy", ["effective"] = "2026-01-01" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var saved = await JsonOf(response);
        Assert.Equal(title, saved.GetProperty("source").GetString());
        Assert.Equal(format, saved.GetProperty("format").GetString());
        Assert.Equal(3, saved.GetProperty("clauses").GetInt32());
        var markdown = await File.ReadAllTextAsync(Path.Combine(server.UploadFolder, saved.GetProperty("id").GetString() + ".md"));
        Assert.StartsWith($"---\ntitle: {title}\ntype: policy\neffective: 2026-01-01\n", markdown, StringComparison.Ordinal);
        Assert.Contains($"\n# {title}\n", markdown, StringComparison.Ordinal);
        Assert.Contains("\n## 一、补贴对象\n", markdown, StringComparison.Ordinal);
        Assert.Contains("\n（二）夜班骑手星光补贴的标准为每人每月二百元，按季度发放。\n", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_SameTitleAgain_409ThenReplaceRecordsBeforeAndAfter()
    {
        using var admin = server.As(AdminToken);
        var lines = Titled("关于试行夜班骑手星光补贴的通知（替换测试）");
        using var first = await AdminHttp.UploadAsync(admin, TestDocuments.Docx(lines), "v1.docx", new Dictionary<string, string> { ["type"] = "policy" });
        var id = (await JsonOf(first)).GetProperty("id").GetString()!;

        using var again = await AdminHttp.UploadAsync(admin, TestDocuments.Docx(lines), "v1.docx", new Dictionary<string, string> { ["type"] = "policy" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("document_exists", (await JsonOf(again)).GetProperty("code").GetString());

        var changed = lines.Select(l => l.Replace("二百元", "三百元", StringComparison.Ordinal)).ToArray();
        using var replaced = await AdminHttp.UploadAsync(admin, TestDocuments.Pdf(changed), "v2.pdf",
            new Dictionary<string, string> { ["type"] = "policy", ["replaces"] = id, ["expires"] = "2030-12-31" });

        Assert.Equal(HttpStatusCode.Created, replaced.StatusCode);
        Assert.True((await JsonOf(replaced)).GetProperty("replaced").GetBoolean());
        var markdown = await File.ReadAllTextAsync(Path.Combine(server.UploadFolder, id + ".md"));
        Assert.Contains("三百元", markdown, StringComparison.Ordinal);
        Assert.Contains("expires: 2030-12-31", markdown, StringComparison.Ordinal);
        var trail = await server.Services.GetRequiredService<IAuditLog>().ListAsync(AdminAudit.Trail, CancellationToken.None);
        var entry = trail.Last(e => e.Action == AdminAuditActions.DocumentReplaced);
        Assert.Equal("ada", entry.Actor);
        Assert.Contains("二百元", entry.Detail, StringComparison.Ordinal);
        Assert.Contains("\"after\":{\"id\":\"" + id, entry.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_ReplaceDocumentNotUploaded_404()
    {
        using var admin = server.As(AdminToken);

        using var response = await AdminHttp.UploadAsync(admin, TestDocuments.Docx(Titled("任意标题")), "x.docx",
            new Dictionary<string, string> { ["type"] = "policy", ["replaces"] = "../policies/new-employment-groups-opinion-2025" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    public static TheoryData<string, byte[], string> BadFiles => new()
    {
        { "notice.docx", Encoding.UTF8.GetBytes("这不是 Word 文档"), "不是 Word 文档" },
        { "notice.pdf", TestDocuments.Docx(TestDocuments.StarlightNotice), "不是 PDF" },
        { "notice.md", TestDocuments.Pdf(TestDocuments.StarlightNotice), "UTF-8" },
        { "notice.md", [0xC4, 0xE3, 0xBA, 0xC3, 0x0A], "UTF-8" },
        { "notice.exe", [0x4D, 0x5A, 0x90, 0x00], "不支持的文件类型" },
        { "notice.txt", Encoding.UTF8.GetBytes("一、总则"), "不支持的文件类型" },
        { "notice.docx", [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x01], "无法读取 Word 文档" },
        { "notice.pdf", Encoding.ASCII.GetBytes("%PDF-1.4\nnot really\n"), "PDF" },
        { "empty.md", [], "空" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task Upload_BadFile_400WithAClearMessage(string fileName, byte[] content, string message)
    {
        using var admin = server.As(AdminToken);

        using var response = await AdminHttp.UploadAsync(admin, content, fileName, new Dictionary<string, string> { ["type"] = "policy" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains(message, (await JsonOf(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("effective", "2026/01/01", "施行日期格式")]
    [InlineData("type", "memo", "文档类型")]
    public async Task Upload_BadField_400(string field, string value, string message)
    {
        using var admin = server.As(AdminToken);
        var fields = new Dictionary<string, string> { ["type"] = "policy", [field] = value };

        using var response = await AdminHttp.UploadAsync(admin, TestDocuments.Docx(Titled("字段校验")), "x.docx", fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, (await JsonOf(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_NoFile_400()
    {
        using var admin = server.As(AdminToken);

        using var response = await admin.PostAsync("api/admin/documents", new MultipartFormDataContent { { new StringContent("policy"), "type" } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Upload_LargerThanTheCap_413()
    {
        using var admin = server.As(AdminToken);
        var big = Encoding.UTF8.GetBytes("# 大文件\n\n" + new string('字', 100_000));

        using var response = await AdminHttp.UploadAsync(admin, big, "big.md", new Dictionary<string, string> { ["type"] = "policy" });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("file_too_large", (await JsonOf(response)).GetProperty("code").GetString());
    }
}
