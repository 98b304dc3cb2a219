using System.Net;
using Microsoft.Extensions.DependencyInjection;
using ServiceBot.Handoff;
using ServiceBot.Server.Staff.Admin;
using ServiceBot.Server.Tests.Chat;
using static ServiceBot.Server.Tests.Staff.Admin.AdminServer;

namespace ServiceBot.Server.Tests.Staff.Admin;

/// <summary>Re-indexing over real HTTP: progress to 100 %, then the running server answers from the new index without a restart.</summary>
public sealed class ReindexTests(AdminServer server) : IClassFixture<AdminServer>
{
    private static string? FirstSource(ChatTurn turn)
        => turn.CitationCount == 0 ? null : turn.Json.GetProperty("citations")[0].GetProperty("source").GetString();

    [Fact]
    public async Task Reindex_AfterUpload_ChatAndHitTestFindTheNewDocumentWithoutRestart()
    {
        using var admin = server.As(AdminToken);
        var title = TestDocuments.StarlightNotice[0];
        var before = await new ChatSession(server.Http).SayAsync(TestDocuments.StarlightQuestion);
        Assert.NotEqual(title, FirstSource(before));

        using var upload = await AdminHttp.UploadAsync(admin, TestDocuments.Docx(TestDocuments.StarlightNotice), "星光补贴.docx",
            new Dictionary<string, string> { ["type"] = "policy" });
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        // Uploaded but not yet indexed: the service still answers from the index it has.
        var hitsBefore = await JsonOf(await admin.GetAsync("api/admin/hittest?q=" + Uri.EscapeDataString(TestDocuments.StarlightQuestion)));
        Assert.DoesNotContain(hitsBefore.GetProperty("hits").EnumerateArray(), h => h.GetProperty("source").GetString() == title);

        var statuses = await AdminHttp.ReindexAsync(admin);

        var done = statuses[^1];
        Assert.Equal("succeeded", done.GetProperty("state").GetString());
        Assert.Equal(100, done.GetProperty("percent").GetInt32());
        Assert.Equal("ada", done.GetProperty("requestedBy").GetString());
        Assert.Equal(1, done.GetProperty("report").GetProperty("added").GetInt32());
        Assert.Equal(0, done.GetProperty("report").GetProperty("failures").GetArrayLength());
        Assert.Equal(done.GetProperty("filesDone").GetInt32(), done.GetProperty("filesTotal").GetInt32());
        // Percent never goes backwards while the run is watched.
        var percents = statuses.Select(s => s.GetProperty("percent").GetInt32()).ToList();
        Assert.Equal(percents.Order(), percents);

        var after = await new ChatSession(server.Http).SayAsync(TestDocuments.StarlightQuestion);
        Assert.Equal(title, FirstSource(after));
        Assert.Contains("二百元", after.Reply, StringComparison.Ordinal);

        var hitTest = await JsonOf(await admin.GetAsync("api/admin/hittest?q=" + Uri.EscapeDataString(TestDocuments.StarlightQuestion)));
        var top = hitTest.GetProperty("hits")[0];
        Assert.Equal(title, top.GetProperty("source").GetString());
        Assert.True(hitTest.GetProperty("answer").GetProperty("grounded").GetBoolean());

        var documents = await JsonOf(await admin.GetAsync("api/admin/documents"));
        var listed = documents.EnumerateArray().Single(d => d.GetProperty("source").GetString() == title);
        Assert.Equal(3, listed.GetProperty("clauses").GetInt32());
        Assert.Equal("current", listed.GetProperty("validity").GetString());

        var trail = await server.Services.GetRequiredService<IAuditLog>().ListAsync(AdminAudit.Trail, CancellationToken.None);
        Assert.Contains(trail, e => e.Action == AdminAuditActions.DocumentUploaded && e.Actor == "ada" && e.Detail!.Contains(title, StringComparison.Ordinal));
        Assert.Contains(trail, e => e.Action == AdminAuditActions.Reindexed && e.Actor == "ada");
    }

    [Fact]
    public async Task Reindex_NothingChanged_SucceedsWithoutRewritingTheIndex()
    {
        using var admin = server.As(AdminToken);
        await AdminHttp.ReindexAsync(admin);

        var statuses = await AdminHttp.ReindexAsync(admin);

        var report = statuses[^1].GetProperty("report");
        Assert.False(report.GetProperty("indexRewritten").GetBoolean());
        Assert.Equal(0, report.GetProperty("added").GetInt32() + report.GetProperty("changed").GetInt32());
    }
}
