using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ServiceBot.Server.Staff;
using ServiceBot.Server.Staff.Admin;
using ServiceBot.Server.Tests.Chat;

namespace ServiceBot.Server.Tests.Staff.Admin.Insight;

/// <summary>The audit export over real HTTP: an engine handoff and a console action, as JSON and CSV, read-only.</summary>
public sealed class AuditExportApiTests(InsightServer server) : IClassFixture<InsightServer>
{
    private static readonly SemaphoreSlim Seeding = new(1, 1);
    private static bool _seeded;

    /// <summary>Once per class: a handoff by the engine and a console action with a phone number in it, on 2026-10-10 in Beijing.</summary>
    private async Task SeedAsync()
    {
        await Seeding.WaitAsync();
        try
        {
            if (!_seeded) await SeedOnceAsync();
            _seeded = true;
        }
        finally
        {
            Seeding.Release();
        }
    }

    private async Task SeedOnceAsync()
    {
        server.At("2026-10-10 09:00");
        Assert.True((await new ChatSession(server.Http).SayAsync("转人工客服")).Handoff);
        await server.Services.GetRequiredService<AdminAudit>().RecordAsync(new StaffMember("ada", StaffRoles.Admin), AdminAuditActions.DocumentReplaced,
            new { title = "旧版指南", contact = "13912345678" }, new { title = "新版指南" }, CancellationToken.None);
    }

    [Fact]
    public async Task Audit_Json_ListsAgentAndAdminActionsWithBeforeAfterAndMasksPhones()
    {
        await SeedAsync();
        using var admin = server.As(InsightServer.AdminToken);

        using var response = await admin.GetAsync("api/admin/audit?from=2026-10-10&to=2026-10-10");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        var entries = JsonDocument.Parse(body).RootElement.EnumerateArray().ToList();
        var handoff = entries.Single(e => e.GetProperty("action").GetString() == "handoff");
        Assert.Equal("system", handoff.GetProperty("actor").GetString());
        var replaced = entries.Single(e => e.GetProperty("action").GetString() == AdminAuditActions.DocumentReplaced);
        Assert.Equal(("ada", "admin"), (replaced.GetProperty("actor").GetString(), replaced.GetProperty("trail").GetString()));
        Assert.Equal("旧版指南", replaced.GetProperty("before").GetProperty("title").GetString());
        Assert.Equal("新版指南", replaced.GetProperty("after").GetProperty("title").GetString());
        Assert.DoesNotContain("13912345678", body);
        Assert.Empty(JsonDocument.Parse(await (await admin.GetAsync("api/admin/audit?from=2026-10-11&to=2026-10-11")).Content.ReadAsStringAsync())
            .RootElement.EnumerateArray());
    }

    [Fact]
    public async Task Audit_Csv_DownloadsUtf8RowsInBeijingTime()
    {
        await SeedAsync();
        using var admin = server.As(InsightServer.AdminToken);

        using var response = await admin.GetAsync("api/admin/audit?from=2026-10-10&to=2026-10-10&format=csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("audit-20261010-20261010.csv", response.Content.Headers.ContentDisposition!.FileName);
        var text = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF');
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("时间,操作人,操作,对象,详情,变更前,变更后,引用", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("2026-10-10 09:00", StringComparison.Ordinal) && l.Contains(",ada,document_replace,admin,", StringComparison.Ordinal));
        Assert.DoesNotContain("13912345678", text);
    }

    [Fact]
    public async Task Audit_AgentRole_403AndNoRouteChangesEntries()
    {
        using var agent = server.As(InsightServer.AgentToken);
        using var admin = server.As(InsightServer.AdminToken);

        using var read = await agent.GetAsync("api/admin/audit");
        using var delete = await admin.DeleteAsync("api/admin/audit");
        using var put = await admin.PutAsync("api/admin/audit", new StringContent("[]", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, delete.StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, put.StatusCode);
    }

    [Fact]
    public async Task Audit_UnknownFormat_400()
    {
        using var admin = server.As(InsightServer.AdminToken);

        using var response = await admin.GetAsync("api/admin/audit?format=xml");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("format", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
