using System.Net;
using static ServiceBot.Server.Tests.Staff.Admin.AdminServer;

namespace ServiceBot.Server.Tests.Staff.Admin;

/// <summary>Every admin route over real HTTP: 401 without or with a wrong token, 403 for agents and supervisors (CONTRACT §6).</summary>
public sealed class AdminConsoleSecurityTests(AdminServer server) : IClassFixture<AdminServer>
{
    public static TheoryData<string, string> AdminRoutes => new()
    {
        { "GET", "api/admin/me" },
        { "GET", "api/admin/documents" },
        { "GET", "api/admin/dashboard" },
        { "GET", "api/admin/audit" },
        { "GET", "api/admin/audit?format=csv" },
        { "POST", "api/admin/documents" },
        { "GET", "api/admin/reindex" },
        { "POST", "api/admin/reindex" },
        { "GET", "api/admin/hittest?q=社保" },
        { "GET", "api/admin/review" },
        { "POST", "api/admin/review/similar-question" },
        { "POST", "api/admin/review/out-of-scope" },
        { "POST", "api/admin/review/curated-answer" },
    };

    [Theory]
    [MemberData(nameof(AdminRoutes))]
    public async Task AdminRoute_NoToken_401WithBearerChallenge(string method, string path)
    {
        using var response = await server.Http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal("unauthorized", (await JsonOf(response)).GetProperty("code").GetString());
    }

    [Theory]
    [MemberData(nameof(AdminRoutes))]
    public async Task AdminRoute_WrongToken_401(string method, string path)
    {
        using var client = server.As(AdminToken + "x");

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(AdminRoutes))]
    public async Task AdminRoute_AgentOrSupervisor_403(string method, string path)
    {
        foreach (var token in new[] { AgentToken, SupervisorToken })
        {
            using var client = server.As(token);

            using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Equal("forbidden", (await JsonOf(response)).GetProperty("code").GetString());
        }
    }

    [Fact]
    public async Task Me_Admin_NameAndRole()
    {
        using var client = server.As(AdminToken);

        var me = await JsonOf(await client.GetAsync("api/admin/me"));

        Assert.Equal("ada", me.GetProperty("name").GetString());
        Assert.Equal("admin", me.GetProperty("role").GetString());
    }

    [Theory]
    [InlineData("admin", "text/html")]
    [InlineData("admin/admin.js", "text/javascript")]
    [InlineData("admin/admin-knowledge.js", "text/javascript")]
    [InlineData("admin/admin-hittest.js", "text/javascript")]
    [InlineData("admin/admin-dashboard.js", "text/javascript")]
    [InlineData("admin/admin-audit.js", "text/javascript")]
    [InlineData("admin/admin-review.js", "text/javascript")]
    [InlineData("admin/admin.css", "text/css")]
    [InlineData("admin/staff.css", "text/css")]
    [InlineData("admin/staff-signin.js", "text/javascript")]
    public async Task Page_NoToken_ServedForSignIn(string path, string contentType)
    {
        using var response = await server.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Page_UnknownFile_404()
    {
        using var response = await server.Http.GetAsync("admin/nothing.js");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
