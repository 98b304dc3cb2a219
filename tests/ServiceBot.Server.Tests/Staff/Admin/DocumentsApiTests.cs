using System.Globalization;
using System.Net;
using static ServiceBot.Server.Tests.Staff.Admin.AdminServer;

namespace ServiceBot.Server.Tests.Staff.Admin;

/// <summary><c>GET /api/admin/documents</c> over real HTTP against the repository's knowledge (CONTRACT §6).</summary>
public sealed class DocumentsApiTests(AdminServer server) : IClassFixture<AdminServer>
{
    [Fact]
    public async Task List_Admin_EveryIndexedDocumentWithTheContractFields()
    {
        using var client = server.As(AdminToken);

        using var response = await client.GetAsync("api/admin/documents");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var documents = (await JsonOf(response)).EnumerateArray().ToList();
        var policy = documents.Single(d => d.GetProperty("source").GetString() == "关于加强新就业群体服务管理的意见");
        Assert.Equal("policy", policy.GetProperty("type").GetString());
        Assert.Equal("current", policy.GetProperty("validity").GetString());
        Assert.True(policy.GetProperty("clauses").GetInt32() > 10);
        foreach (var field in new[] { "effective", "expires", "supersededBy" })
            Assert.True(policy.TryGetProperty(field, out _), field);
        var updatedAt = policy.GetProperty("updatedAt").GetString()!;
        Assert.EndsWith("+08:00", updatedAt, StringComparison.Ordinal);
        var file = Directory.GetFiles(Path.Combine(RepositoryPaths.Knowledge, "policies"), "*.md").Single(f => !f.EndsWith("README.md", StringComparison.Ordinal));
        Assert.Equal(File.GetLastWriteTimeUtc(file), DateTimeOffset.Parse(updatedAt, CultureInfo.InvariantCulture).UtcDateTime, TimeSpan.FromSeconds(1));
        Assert.Contains(documents, d => d.GetProperty("type").GetString() == "guide");
    }
}
