using System.Net;
using static ServiceBot.Server.Tests.Staff.Admin.AdminServer;

namespace ServiceBot.Server.Tests.Staff.Admin;

/// <summary><c>GET /api/admin/hittest</c>: the explain model of <c>search --explain --json</c>, plus labels and the service's own answer.</summary>
public sealed class HitTestApiTests(AdminServer server) : IClassFixture<AdminServer>
{
    [Fact]
    public async Task HitTest_MisspeltQuestion_ShowsCorrectionRankedClausesAndDecision()
    {
        using var admin = server.As(AdminToken);

        using var response = await admin.GetAsync("api/admin/hittest?q=" + Uri.EscapeDataString("租房可以提取公鸡金吗") + "&top=3");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var test = await JsonOf(response);
        var correction = test.GetProperty("query").GetProperty("corrections")[0];
        Assert.Contains("公鸡金", correction.GetProperty("typed").GetString(), StringComparison.Ordinal);
        Assert.Contains("公积金", correction.GetProperty("corrected").GetString(), StringComparison.Ordinal);
        var hits = test.GetProperty("hits").EnumerateArray().ToList();
        Assert.Equal(3, hits.Count);
        Assert.Equal([1, 2, 3], hits.Select(h => h.GetProperty("rank").GetInt32()));
        Assert.All(hits, h => Assert.True(h.GetProperty("firstStage").GetProperty("score").GetDouble() > 0));
        Assert.Equal("词 BM25", test.GetProperty("labels").GetProperty("WordScore").GetString());
        var answer = test.GetProperty("answer");
        Assert.True(answer.GetProperty("grounded").GetBoolean());
        Assert.Contains(answer.GetProperty("citations").EnumerateArray(), c => c.GetProperty("source").GetString() == hits[0].GetProperty("source").GetString());
        Assert.True(test.GetProperty("grounding").GetProperty("minCoverage").GetDouble() > 0);
    }

    [Fact]
    public async Task HitTest_OutOfScopeQuestion_NotGrounded()
    {
        using var admin = server.As(AdminToken);

        var test = await JsonOf(await admin.GetAsync("api/admin/hittest?q=" + Uri.EscapeDataString("明天北京天气怎么样")));

        Assert.False(test.GetProperty("answer").GetProperty("grounded").GetBoolean());
        Assert.Equal(0, test.GetProperty("answer").GetProperty("citations").GetArrayLength());
    }

    [Theory]
    [InlineData("api/admin/hittest")]
    [InlineData("api/admin/hittest?q=%20")]
    [InlineData("api/admin/hittest?q=社保&top=0")]
    [InlineData("api/admin/hittest?q=社保&top=abc")]
    public async Task HitTest_BadQuery_400(string path)
    {
        using var admin = server.As(AdminToken);

        using var response = await admin.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_request", (await JsonOf(response)).GetProperty("code").GetString());
    }
}
