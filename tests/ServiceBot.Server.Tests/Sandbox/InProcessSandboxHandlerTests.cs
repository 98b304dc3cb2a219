using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ServiceBot.Backend;
using ServiceBot.Server.Sandbox;

namespace ServiceBot.Server.Tests.Sandbox;

/// <summary>
/// The server's own backend calls run through its request pipeline in process, and the sandbox answers them exactly as
/// it answers a loopback caller over HTTP: validation, idempotency, the key check and masking included.
/// </summary>
public sealed class InProcessSandboxHandlerTests(ServiceBotServer server) : IClassFixture<ServiceBotServer>
{
    private const string ZhangWei = "130402199003074510";
    private const string Card = "6217001234567890122";

    private HttpClient InProcessClient(string? key)
    {
        var transport = server.Services.GetRequiredService<BackendAddress>().CreateTransport();
        Assert.NotNull(transport);
        var client = new HttpClient(transport) { BaseAddress = new Uri(server.BaseAddress, "sandbox/api/") };
        if (key is not null) client.DefaultRequestHeaders.Add(SandboxAccess.KeyHeader, key);
        return client;
    }

    private static async Task<HttpResponseMessage> WithdrawAsync(HttpClient client, string path, decimal amount, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = JsonContent.Create(new { id_number = ZhangWei, reason = "rent", amount, bank_card = Card }),
        };
        if (idempotencyKey is not null) request.Headers.Add(BackendRetry.IdempotencyHeader, idempotencyKey);
        return await client.SendAsync(request);
    }

    [Fact]
    public void CreateTransport_BuiltInSandbox_IsTheInProcessHandler()
    {
        using var transport = server.Services.GetRequiredService<BackendAddress>().CreateTransport();

        Assert.IsType<InProcessSandboxHandler>(transport);
    }

    [Fact]
    public async Task SendAsync_AmountOverBalance_SameProblemAsOverHttp()
    {
        using var inProcess = InProcessClient(ServiceBotServer.SandboxKey);

        using var local = await WithdrawAsync(inProcess, "housing-fund/withdrawals", 99_999_999m);
        using var overHttp = await WithdrawAsync(server.Http, "sandbox/api/housing-fund/withdrawals", 99_999_999m);

        var localDetail = await SandboxAssert.ProblemAsync(local, HttpStatusCode.UnprocessableEntity, "amount_exceeds_balance");
        var httpDetail = await SandboxAssert.ProblemAsync(overHttp, HttpStatusCode.UnprocessableEntity, "amount_exceeds_balance");
        Assert.Equal(httpDetail, localDetail);
    }

    [Fact]
    public async Task SendAsync_SameIdempotencyKeyTwice_OneTicket()
    {
        using var inProcess = InProcessClient(ServiceBotServer.SandboxKey);
        var key = Guid.NewGuid().ToString("N");

        using var first = await WithdrawAsync(inProcess, "housing-fund/withdrawals", 1200m, key);
        using var second = await WithdrawAsync(inProcess, "housing-fund/withdrawals", 1200m, key);

        var ticket = (await SandboxAssert.JsonAsync(first, HttpStatusCode.Created)).GetProperty("ticket").GetString();
        var again = (await SandboxAssert.JsonAsync(second, HttpStatusCode.OK)).GetProperty("ticket").GetString();
        Assert.Equal(ticket, again);
        Assert.Single(await server.ListTicketsAsync(ZhangWei), t => t.GetProperty("ticket").GetString() == ticket);
    }

    [Fact]
    public async Task SendAsync_WrongKey_RefusedAsOverHttp()
    {
        using var inProcess = InProcessClient("not-the-sandbox-key-at-all");

        using var response = await inProcess.GetAsync($"housing-fund/accounts/{ZhangWei}");

        await SandboxAssert.ProblemAsync(response, HttpStatusCode.Unauthorized, "sandbox_key_required");
    }

    [Fact]
    public async Task SendAsync_AccountRead_FullNumberOnlyWithTheKey()
    {
        using var withKey = InProcessClient(ServiceBotServer.SandboxKey);
        using var withoutKey = InProcessClient(key: null);

        using var full = await withKey.GetAsync($"housing-fund/accounts/{ZhangWei}");
        using var masked = await withoutKey.GetAsync($"housing-fund/accounts/{ZhangWei}");

        Assert.Contains(ZhangWei, (await SandboxAssert.JsonAsync(full, HttpStatusCode.OK)).ToString());
        Assert.DoesNotContain(ZhangWei, (await SandboxAssert.JsonAsync(masked, HttpStatusCode.OK)).ToString());
    }

    [Fact]
    public async Task SendAsync_UnknownRoute_NotFoundAsOverHttp()
    {
        using var inProcess = InProcessClient(ServiceBotServer.SandboxKey);

        using var local = await inProcess.GetAsync("no-such-area/anything");
        using var overHttp = await server.Http.GetAsync("sandbox/api/no-such-area/anything");

        Assert.Equal(HttpStatusCode.NotFound, overHttp.StatusCode);
        Assert.Equal(overHttp.StatusCode, local.StatusCode);
        Assert.Equal(overHttp.Content.Headers.ContentType, local.Content.Headers.ContentType);
        Assert.Equal(await WithoutTraceIdAsync(overHttp), await WithoutTraceIdAsync(local));
    }

    // Each request has a trace id of its own; the rest of the problem must match.
    private static async Task<string> WithoutTraceIdAsync(HttpResponseMessage response)
    {
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.True(problem.Remove("traceId"));
        return problem.ToJsonString();
    }
}
