using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

using ServiceBot.Server.Tests;

namespace ServiceBot.Server.Tests.Sandbox;

public sealed class HousingFundApiTests(ServiceBotServer server) : IClassFixture<ServiceBotServer>
{
    private const string ZhangWei = "130402199003074510";
    private const string LiNa = "330782199208153322";
    private const string WangQiang = "41010219850120293X";
    private const string ChenJing = "320583199806110043";
    private const string Stranger = "110105199003071239";

    private static object Withdrawal(string id, string reason, decimal amount, string card) =>
        new { id_number = id, reason, amount, bank_card = card };

    [Fact]
    public async Task GetAccount_KnownId_ReturnsStatusAndBalance()
    {
        using var response = await server.Http.GetAsync($"sandbox/api/housing-fund/accounts/{WangQiang}");
        var account = await SandboxAssert.JsonAsync(response, HttpStatusCode.OK);

        Assert.Equal("王强", account.GetProperty("name").GetString());
        Assert.Equal("封存", account.GetProperty("status").GetString());
        Assert.Equal(5210.0m, account.GetProperty("balance").GetDecimal());
    }

    [Fact]
    public async Task GetAccount_UnknownId_ReturnsPersonNotFound()
    {
        using var response = await server.Http.GetAsync($"sandbox/api/housing-fund/accounts/{Stranger}");
        var detail = await SandboxAssert.ProblemAsync(response, HttpStatusCode.NotFound, "person_not_found");
        Assert.Contains("查无此人", detail);
    }

    [Fact]
    public async Task GetAccount_PersonWithoutFund_ReturnsFundAccountNotFound()
    {
        using var response = await server.Http.GetAsync($"sandbox/api/housing-fund/accounts/{ChenJing}");
        var detail = await SandboxAssert.ProblemAsync(response, HttpStatusCode.NotFound, "fund_account_not_found");
        Assert.Contains("未找到", detail);
    }

    [Fact]
    public async Task SubmitWithdrawal_ActiveAccount_CreatesExactlyOneListedTicket()
    {
        using var response = await server.PostAsync("sandbox/api/housing-fund/withdrawals",
            Withdrawal(ZhangWei, "rent", 2001m, "6217001234567890122"), "fund-happy");
        var ticket = await SandboxAssert.JsonAsync(response, HttpStatusCode.Created);

        var number = ticket.GetProperty("ticket").GetString()!;
        Assert.Matches(new Regex(@"^GJJ-\d{8}-[0-9A-HJKMNP-TV-Z]{8}$"), number);
        Assert.Equal("fund_withdrawal", ticket.GetProperty("task").GetString());
        Assert.Equal("已受理", ticket.GetProperty("status").GetString());
        Assert.EndsWith($"/sandbox/api/tickets/{number}", response.Headers.Location!.ToString());

        var listed = (await server.ListTicketsAsync(ZhangWei)).Where(t => t.GetProperty("ticket").GetString() == number).ToList();
        var only = Assert.Single(listed);
        Assert.Equal(new Dictionary<string, string>
        {
            ["id_number"] = ZhangWei,
            ["reason"] = "rent",
            ["amount"] = "2001",
            ["bank_card"] = "6217001234567890122",
        }, SandboxAssert.Slots(only));
        Assert.True(DateTimeOffset.TryParse(only.GetProperty("createdAt").GetString(), out _));
    }

    [Fact]
    public async Task SubmitWithdrawal_ReplayedKey_ReturnsOriginalTicketAndCreatesNoOther()
    {
        var body = Withdrawal(ZhangWei, "medical", 2002m, "6217001234567890122");
        using var first = await server.PostAsync("sandbox/api/housing-fund/withdrawals", body, "fund-replay");
        var original = await first.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);

        using var replay = await server.PostAsync("sandbox/api/housing-fund/withdrawals", body, "fund-replay");
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Equal(original, await replay.Content.ReadAsStringAsync());

        var matching = (await server.ListTicketsAsync(ZhangWei)).Count(t => SandboxAssert.Slots(t)["amount"] == "2002");
        Assert.Equal(1, matching);
    }

    [Fact]
    public async Task SubmitWithdrawal_ConcurrentDuplicates_CreateOneTicket()
    {
        var body = Withdrawal(ZhangWei, "purchase", 2003m, "6217001234567890122");
        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => server.PostAsync("sandbox/api/housing-fund/withdrawals", body, "fund-race")));

        var tickets = new HashSet<string>();
        foreach (var response in responses)
        {
            Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"got {(int)response.StatusCode}");
            tickets.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("ticket").GetString()!);
            response.Dispose();
        }
        Assert.Single(tickets);
        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(1, (await server.ListTicketsAsync(ZhangWei)).Count(t => SandboxAssert.Slots(t)["amount"] == "2003"));
    }

    [Fact]
    public async Task SubmitWithdrawal_SameKeyDifferentBody_ReturnsConflict()
    {
        using var first = await server.PostAsync("sandbox/api/housing-fund/withdrawals", Withdrawal(ZhangWei, "rent", 2004m, "6217001234567890122"), "fund-conflict");
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);

        using var second = await server.PostAsync("sandbox/api/housing-fund/withdrawals", Withdrawal(ZhangWei, "rent", 2005m, "6217001234567890122"), "fund-conflict");
        await SandboxAssert.ProblemAsync(second, HttpStatusCode.Conflict, "idempotency_conflict");
        Assert.DoesNotContain(await server.ListTicketsAsync(ZhangWei), t => SandboxAssert.Slots(t)["amount"] == "2005");
    }

    [Fact]
    public async Task SubmitWithdrawal_SealedAccountForRent_RefusedExplainingSealedStatus()
    {
        using var response = await server.PostAsync("sandbox/api/housing-fund/withdrawals", Withdrawal(WangQiang, "rent", 1000m, "6222021000998877665"), "fund-sealed");
        var detail = await SandboxAssert.ProblemAsync(response, HttpStatusCode.UnprocessableEntity, "account_not_active");

        Assert.Contains("封存", detail);
        Assert.Contains("租房", detail);
        Assert.Empty(await server.ListTicketsAsync(WangQiang));
    }

    [Fact]
    public async Task SubmitWithdrawal_SealedAccountForResignation_IsAccepted()
    {
        using var response = await server.PostAsync("sandbox/api/housing-fund/withdrawals", Withdrawal(WangQiang, "resignation", 5210m, "6222021000998877665"), "fund-resign");
        await SandboxAssert.JsonAsync(response, HttpStatusCode.Created);
    }

    [Fact]
    public async Task SubmitWithdrawal_ActiveAccountForResignation_RefusedAsNotSealed()
    {
        using var response = await server.PostAsync("sandbox/api/housing-fund/withdrawals", Withdrawal(LiNa, "resignation", 100m, "6228480011223344554"));
        var detail = await SandboxAssert.ProblemAsync(response, HttpStatusCode.UnprocessableEntity, "account_not_sealed");
        Assert.Contains("封存", detail);
    }

    [Fact]
    public async Task SubmitWithdrawal_AmountOverBalance_RefusedNamingTheBalance()
    {
        using var response = await server.PostAsync("sandbox/api/housing-fund/withdrawals", Withdrawal(LiNa, "rent", 12480.51m, "6228480011223344554"));
        var detail = await SandboxAssert.ProblemAsync(response, HttpStatusCode.UnprocessableEntity, "amount_exceeds_balance");
        Assert.Contains("12480.50", detail);
    }

    [Fact]
    public async Task SubmitWithdrawal_UnknownId_ReturnsPersonNotFound()
    {
        using var response = await server.PostAsync("sandbox/api/housing-fund/withdrawals", Withdrawal(Stranger, "rent", 100m, "6217001234567890122"));
        await SandboxAssert.ProblemAsync(response, HttpStatusCode.NotFound, "person_not_found");
    }

    [Fact]
    public async Task SubmitWithdrawal_NonPositiveAmountAndUnknownReason_ReturnsFieldErrors()
    {
        using var response = await server.PostAsync("sandbox/api/housing-fund/withdrawals", Withdrawal(ZhangWei, "travel", -5m, "6217001234567890121"));
        await SandboxAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "invalid_request");

        var errors = (await SandboxAssertBody(response)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("amount", out _));
        Assert.True(errors.TryGetProperty("reason", out _));
        Assert.True(errors.TryGetProperty("bank_card", out _));
    }

    [Fact]
    public async Task SubmitWithdrawal_MalformedJson_Returns400Problem()
    {
        using var content = new StringContent("{\"id_number\": \"130402", Encoding.UTF8, "application/json");
        using var response = await server.Http.PostAsync("sandbox/api/housing-fund/withdrawals", content);
        await SandboxAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "invalid_json");
    }

    [Fact]
    public async Task SubmitWithdrawal_WrongJsonType_Returns400Problem()
    {
        using var content = new StringContent("{\"id_number\":\"130402199003074510\",\"reason\":\"rent\",\"amount\":{},\"bank_card\":\"6217001234567890122\"}", Encoding.UTF8, "application/json");
        using var response = await server.Http.PostAsync("sandbox/api/housing-fund/withdrawals", content);
        var detail = await SandboxAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "invalid_json");
        Assert.Contains("amount", detail);
    }

    [Fact]
    public async Task SubmitWithdrawal_EmptyObject_ListsEveryMissingField()
    {
        using var response = await server.PostAsync("sandbox/api/housing-fund/withdrawals", new { });
        await SandboxAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "invalid_request");
        var errors = (await SandboxAssertBody(response)).GetProperty("errors");
        Assert.Equal(["amount", "bank_card", "id_number", "reason"], errors.EnumerateObject().Select(p => p.Name).Order());
    }

    [Fact]
    public async Task SubmitWithdrawal_NotJson_Returns400Problem()
    {
        using var content = new StringContent("id_number=1", Encoding.UTF8, "application/x-www-form-urlencoded");
        using var response = await server.Http.PostAsync("sandbox/api/housing-fund/withdrawals", content);
        await SandboxAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "invalid_json");
    }

    private static async Task<JsonElement> SandboxAssertBody(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
}
