using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using ServiceBot.Server.Tests.Chat;

namespace ServiceBot.Server.Tests.Sandbox;

/// <summary>
/// The sandbox answers loopback and key holders only, shows personal numbers in full only to key holders, and
/// moves tickets along only for key holders.
/// </summary>
public sealed class SandboxAccessTests : IAsyncLifetime
{
    private const string ZhangWei = "130402199003074510";
    private const string Card = "6217001234567890122";
    private readonly ServiceBotServer _server = new(null, services => services.AddSingleton<IStartupFilter>(RemoteCallers.Marked()));
    private HttpClient _anonymous = null!;

    public async Task InitializeAsync()
    {
        await _server.InitializeAsync();
        _anonymous = new HttpClient { BaseAddress = _server.BaseAddress };
    }

    public async Task DisposeAsync()
    {
        _anonymous.Dispose();
        await _server.DisposeAsync();
    }

    private async Task<string> SubmitAsync()
    {
        using var response = await _server.PostAsync("sandbox/api/housing-fund/withdrawals",
            new { id_number = ZhangWei, reason = "rent", amount = 1234m, bank_card = Card });
        return (await SandboxAssert.JsonAsync(response, HttpStatusCode.Created)).GetProperty("ticket").GetString()!;
    }

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, bool remote, string? key, object? body = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (remote) request.Headers.Add(RemoteCallers.Header, "1");
        if (key is not null) request.Headers.Add("X-Sandbox-Key", key);
        if (body is not null) request.Content = JsonContent.Create(body);
        return _anonymous.SendAsync(request);
    }

    [Theory]
    [InlineData("sandbox/api/tickets?idNumber=" + ZhangWei)]
    [InlineData("sandbox/api/housing-fund/accounts/" + ZhangWei)]
    [InlineData("sandbox/api/stations?city=北京")]
    [InlineData("sandbox/openapi/sandbox.json")]
    public async Task Get_RemoteWithoutKey_Returns401(string path)
    {
        using var response = await SendAsync(HttpMethod.Get, path, remote: true, key: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain(ZhangWei, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ListTickets_RemoteWithWrongKey_Returns401()
    {
        using var response = await SendAsync(HttpMethod.Get, $"sandbox/api/tickets?idNumber={ZhangWei}", remote: true, key: "not-the-key-at-all");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task ListTickets_RemoteWithKey_ShowsFullNumbers()
    {
        var number = await SubmitAsync();

        using var response = await SendAsync(HttpMethod.Get, $"sandbox/api/tickets?idNumber={ZhangWei}", remote: true, key: ServiceBotServer.SandboxKey);

        var ticket = Single(await SandboxAssert.JsonAsync(response, HttpStatusCode.OK), number);
        Assert.Equal(ZhangWei, ticket.GetProperty("slots").GetProperty("id_number").GetString());
        Assert.Equal(Card, ticket.GetProperty("slots").GetProperty("bank_card").GetString());
    }

    [Fact]
    public async Task ListTickets_LoopbackWithoutKey_ShowsFullNumbersAsTheContractSays()
    {
        var number = await SubmitAsync();

        using var response = await SendAsync(HttpMethod.Get, $"sandbox/api/tickets?idNumber={ZhangWei}", remote: false, key: null);

        var ticket = Single(await SandboxAssert.JsonAsync(response, HttpStatusCode.OK), number);
        Assert.Equal(ZhangWei, ticket.GetProperty("slots").GetProperty("id_number").GetString());
        Assert.Equal(Card, ticket.GetProperty("slots").GetProperty("bank_card").GetString());
        Assert.Equal("1234", ticket.GetProperty("slots").GetProperty("amount").GetString());
    }

    [Fact]
    public async Task GetTicketAndAccount_LoopbackWithoutKey_MaskNumbers()
    {
        var number = await SubmitAsync();

        using var ticket = await SendAsync(HttpMethod.Get, $"sandbox/api/tickets/{number}", remote: false, key: null);
        using var account = await SendAsync(HttpMethod.Get, $"sandbox/api/housing-fund/accounts/{ZhangWei}", remote: false, key: null);

        Assert.DoesNotContain(Card, await ticket.Content.ReadAsStringAsync());
        Assert.DoesNotContain(ZhangWei, await ticket.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, account.StatusCode);
        Assert.DoesNotContain(ZhangWei, await account.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SetStatus_LoopbackWithoutKey_Returns401AndStatusUnchanged()
    {
        var number = await SubmitAsync();

        using var refused = await SendAsync(HttpMethod.Put, $"sandbox/api/tickets/{number}/status", remote: false, key: null, new { status = "已办结" });
        using var accepted = await SendAsync(HttpMethod.Put, $"sandbox/api/tickets/{number}/status", remote: true, key: ServiceBotServer.SandboxKey, new { status = "办理中" });

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("办理中", (await SandboxAssert.JsonAsync(accepted, HttpStatusCode.OK)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Submit_TicketNumbers_AreRandomNotSequential()
    {
        var first = await SubmitAsync();
        var second = await SubmitAsync();

        Assert.Matches(@"^GJJ-\d{8}-[0-9A-HJKMNP-TV-Z]{8}$", first);
        Assert.Matches(@"^GJJ-\d{8}-[0-9A-HJKMNP-TV-Z]{8}$", second);
        Assert.NotEqual(first[^8..], second[^8..]);
    }

    private static JsonElement Single(JsonElement list, string ticket) =>
        Assert.Single(list.EnumerateArray(), t => t.GetProperty("ticket").GetString() == ticket);
}

/// <summary>With every caller looking remote, the bot's own backend client still gets through: it presents the key.</summary>
public sealed class SandboxBackendKeyTests
{
    [Fact]
    public async Task Chat_FundWithdrawalWhenEveryCallerLooksRemote_SubmitsThroughTheKey()
    {
        var server = new ServiceBotServer(null, services => services.AddSingleton<IStartupFilter>(RemoteCallers.All()));
        await server.InitializeAsync();
        try
        {
            var chat = new ChatSession(server.Http);
            await chat.SayAsync("我想提取公积金");
            await chat.SayAsync("130402199003074510");
            await chat.SayAsync("租房");
            await chat.SayAsync("3000元");
            await chat.SayAsync("6217001234567890122");
            var done = await chat.SayAsync("确认");

            Assert.Equal("submitted", done.State);
            using var anonymous = new HttpClient { BaseAddress = server.BaseAddress };
            using var refused = await anonymous.GetAsync("sandbox/api/tickets?idNumber=130402199003074510");
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }
        finally
        {
            await server.DisposeAsync();
        }
    }
}
