using System.Net;

using ServiceBot.Server.Tests;

namespace ServiceBot.Server.Tests.Sandbox;

public sealed class OpenApiDocumentTests(ServiceBotServer server) : IClassFixture<ServiceBotServer>
{
    [Fact]
    public async Task Document_IsServedAndDescribesEverySandboxRoute()
    {
        using var response = await server.Http.GetAsync("sandbox/openapi/sandbox.json");
        var document = await SandboxAssert.JsonAsync(response, HttpStatusCode.OK);
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();

        Assert.Contains("/sandbox/api/tickets", paths);
        Assert.Contains("/sandbox/api/housing-fund/withdrawals", paths);
        Assert.Contains("/sandbox/api/stations", paths);
        Assert.DoesNotContain("/healthz", paths);
        Assert.All(paths, p => Assert.StartsWith("/sandbox/api/", p));
    }

    [Fact]
    public async Task Document_SubmissionDescribesBodyAndIdempotencyHeader()
    {
        using var response = await server.Http.GetAsync("sandbox/openapi/sandbox.json");
        var document = await SandboxAssert.JsonAsync(response, HttpStatusCode.OK);
        var post = document.GetProperty("paths").GetProperty("/sandbox/api/housing-fund/withdrawals").GetProperty("post");

        Assert.True(post.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _));
        Assert.Contains(post.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "Idempotency-Key");
        foreach (var status in new[] { "201", "200", "400", "404", "409", "422" })
            Assert.True(post.GetProperty("responses").TryGetProperty(status, out _), $"missing {status}");
    }
}
