using System.Net;
using System.Net.Http.Json;

using ServiceBot.Server.Tests;

namespace ServiceBot.Server.Tests.Sandbox;

public sealed class TicketsApiTests(ServiceBotServer server) : IClassFixture<ServiceBotServer>
{
    private const string ZhangWei = "130402199003074510";

    private async Task<string> SubmitAsync(decimal amount, string key)
    {
        using var response = await server.PostAsync("sandbox/api/housing-fund/withdrawals",
            new { id_number = ZhangWei, reason = "rent", amount, bank_card = "6217001234567890122" }, key);
        return (await SandboxAssert.JsonAsync(response, HttpStatusCode.Created)).GetProperty("ticket").GetString()!;
    }

    [Fact]
    public async Task List_AfterServerRestart_StillHasTheTicketsAndKeepsKeys()
    {
        var before = await SubmitAsync(3001m, "restart-1");
        var path = server.DatabasePath;

        await server.RestartAsync();

        Assert.Equal(path, server.DatabasePath);
        Assert.Contains(await server.ListTicketsAsync(ZhangWei), t => t.GetProperty("ticket").GetString() == before);

        using var replay = await server.PostAsync("sandbox/api/housing-fund/withdrawals",
            new { id_number = ZhangWei, reason = "rent", amount = 3001m, bank_card = "6217001234567890122" }, "restart-1");
        Assert.Equal(before, (await SandboxAssert.JsonAsync(replay, HttpStatusCode.OK)).GetProperty("ticket").GetString());

        var after = await SubmitAsync(3002m, "restart-2");
        Assert.NotEqual(before, after);
    }

    [Fact]
    public async Task Get_KnownTicket_ReturnsItAndStatusCanAdvance()
    {
        var number = await SubmitAsync(3003m, "status-1");

        using var advance = await server.Http.PutAsJsonAsync($"sandbox/api/tickets/{number}/status", new { status = "办理中" });
        Assert.Equal("办理中", (await SandboxAssert.JsonAsync(advance, HttpStatusCode.OK)).GetProperty("status").GetString());

        using var read = await server.Http.GetAsync($"sandbox/api/tickets/{number}");
        var ticket = await SandboxAssert.JsonAsync(read, HttpStatusCode.OK);
        Assert.Equal("办理中", ticket.GetProperty("status").GetString());
        Assert.Equal("fund_withdrawal", ticket.GetProperty("task").GetString());
    }

    [Fact]
    public async Task SetStatus_UnknownStatus_Returns400Problem()
    {
        var number = await SubmitAsync(3004m, "status-2");
        using var response = await server.Http.PutAsJsonAsync($"sandbox/api/tickets/{number}/status", new { status = "已撤销" });
        await SandboxAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "invalid_request");
    }

    [Fact]
    public async Task Get_UnknownTicket_ReturnsTicketNotFound()
    {
        using var response = await server.Http.GetAsync("sandbox/api/tickets/GJJ-20000101-999999");
        await SandboxAssert.ProblemAsync(response, HttpStatusCode.NotFound, "ticket_not_found");
    }

    [Fact]
    public async Task List_PersonWithNoTickets_ReturnsEmptyArray()
    {
        Assert.Empty(await server.ListTicketsAsync("320583199806110043"));
    }

    [Fact]
    public async Task List_InvalidIdNumber_Returns400Problem()
    {
        using var response = await server.Http.GetAsync("sandbox/api/tickets?idNumber=123");
        await SandboxAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "invalid_request");
    }
}
