using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;
using ServiceBot.Backend;
using ServiceBot.Server.Tests.Sandbox;

using ServiceBot.Server.Tests;

namespace ServiceBot.Server.Tests.Backend;

/// <summary>The kernel functions over the typed clients, called against the real sandbox server.</summary>
public sealed class BackendPluginsTests : IClassFixture<ServiceBotServer>, IDisposable
{
    private const string ZhangWei = "130402199003074510";
    private const string LiNa = "330782199208153322";
    private const string WangQiang = "41010219850120293X";

    private readonly ServiceProvider _services;
    private readonly Kernel _kernel;

    public BackendPluginsTests(ServiceBotServer server)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Backend:BaseUrl"] = new Uri(server.BaseAddress, "sandbox/api").ToString() })
            .Build();
        _services = new ServiceCollection().AddServiceBotBackend(configuration).BuildServiceProvider(validateScopes: true);
        _kernel = new Kernel(_services);
        _kernel.Plugins.AddRange(BackendFunctions.CreatePlugins(_services));
    }

    public void Dispose() => _services.Dispose();

    private async Task<T> InvokeAsync<T>(string plugin, string function, KernelArguments arguments) =>
        (await _kernel.InvokeAsync(plugin, function, arguments)).GetValue<T>()!;

    private Task<SubmissionResult> WithdrawAsync(string id, string reason, decimal amount, string card, string key) =>
        InvokeAsync<SubmissionResult>("HousingFund", "SubmitWithdrawal", new()
        {
            ["idNumber"] = id, ["reason"] = reason, ["amount"] = amount, ["bankCard"] = card, ["idempotencyKey"] = key,
        });

    private Task<LookupResult<IReadOnlyList<TicketInfo>>> ListAsync(string id) =>
        InvokeAsync<LookupResult<IReadOnlyList<TicketInfo>>>("Tickets", "ListTickets", new() { ["idNumber"] = id });

    [Fact]
    public async Task GetAccount_KnownId_ReturnsTypedAccount()
    {
        var result = await InvokeAsync<LookupResult<FundAccount>>("HousingFund", "GetAccount", new() { ["idNumber"] = ZhangWei });

        Assert.True(result.Found);
        Assert.Equal("正常缴存", result.Value!.Status);
        Assert.Equal(38650.0m, result.Value.Balance);
    }

    [Fact]
    public async Task GetAccount_UnknownId_ReturnsNotFoundAsData()
    {
        var result = await InvokeAsync<LookupResult<FundAccount>>("HousingFund", "GetAccount", new() { ["idNumber"] = "110105199003071239" });

        Assert.False(result.Found);
        Assert.Equal("person_not_found", result.ErrorCode);
        Assert.Contains("查无此人", result.Message);
    }

    [Fact]
    public async Task SubmitWithdrawal_SameKeyTwice_OneTicketListedWithCatalogSlots()
    {
        var key = Guid.NewGuid().ToString();
        var first = await WithdrawAsync(ZhangWei, "rent", 2500.5m, "6217001234567890122", key);
        var second = await WithdrawAsync(ZhangWei, "rent", 2500.5m, "6217001234567890122", key);

        Assert.True(first.Accepted, first.Message);
        Assert.Equal(first.Ticket, second.Ticket);
        Assert.Contains(first.Ticket!, first.Message);

        var tickets = await ListAsync(ZhangWei);
        var ticket = Assert.Single(tickets.Value!, t => t.Ticket == first.Ticket);
        Assert.Equal("fund_withdrawal", ticket.Task);
        Assert.Equal("2500.5", ticket.Slots["amount"]);
        Assert.Single(tickets.Value!, t => t.Slots["amount"] == "2500.5");

        var read = await InvokeAsync<LookupResult<TicketInfo>>("Tickets", "GetTicket", new() { ["ticket"] = first.Ticket });
        Assert.Equal("已受理", read.Value!.Status);
    }

    [Fact]
    public async Task SubmitWithdrawal_SealedAccountForRent_RefusalComesBackAsData()
    {
        var result = await WithdrawAsync(WangQiang, "rent", 1000m, "6222021000998877665", Guid.NewGuid().ToString());

        Assert.False(result.Accepted);
        Assert.Null(result.Ticket);
        Assert.Equal("account_not_active", result.ErrorCode);
        Assert.Contains("封存", result.Message);
    }

    [Fact]
    public async Task SubmitWithdrawal_InvalidCard_ReturnsInvalidRequestWithReason()
    {
        var result = await WithdrawAsync(ZhangWei, "rent", 100m, "6217001234567890121", Guid.NewGuid().ToString());

        Assert.False(result.Accepted);
        Assert.Equal("invalid_request", result.ErrorCode);
        Assert.Contains("银行卡号", result.Message);
    }

    [Fact]
    public async Task SubmitReport_NotInPilot_RefusalComesBackAsData()
    {
        var result = await InvokeAsync<SubmissionResult>("Injury", "SubmitReport", new()
        {
            ["idNumber"] = WangQiang, ["platform"] = "顺丰速运", ["accidentTime"] = "2025-06-01T15:00:00+08:00",
            ["accidentPlace"] = "郑州市金水区", ["injury"] = "擦伤", ["phone"] = "13700003333", ["idempotencyKey"] = Guid.NewGuid().ToString(),
        });

        Assert.False(result.Accepted);
        Assert.Equal("injury_pilot_not_enrolled", result.ErrorCode);
    }

    [Fact]
    public async Task SubmitOtherAreas_ValidRequests_EachListedOnceUnderTheCatalogTask()
    {
        var wage = await InvokeAsync<SubmissionResult>("LabourInspection", "SubmitWageComplaint", new()
        {
            ["idNumber"] = LiNa, ["employer"] = "义乌某物流公司", ["amount"] = 4200m, ["period"] = "2025年4月", ["phone"] = "13900002222",
            ["idempotencyKey"] = Guid.NewGuid().ToString(),
        });
        var transfer = await InvokeAsync<SubmissionResult>("SocialInsurance", "SubmitTransfer", new()
        {
            ["idNumber"] = LiNa, ["fromCity"] = "义乌市", ["toCity"] = "金华市", ["insuranceType"] = "养老保险", ["idempotencyKey"] = Guid.NewGuid().ToString(),
        });
        var injury = await InvokeAsync<SubmissionResult>("Injury", "SubmitReport", new()
        {
            ["idNumber"] = LiNa, ["platform"] = "滴滴出行", ["accidentTime"] = "2025-05-20T08:10:00+08:00",
            ["accidentPlace"] = "义乌市稠城街道", ["injury"] = "膝盖挫伤", ["phone"] = "13900002222", ["idempotencyKey"] = Guid.NewGuid().ToString(),
        });
        var appeal = await InvokeAsync<SubmissionResult>("Hotline", "SubmitAppeal", new()
        {
            ["description"] = "驿站饮水机故障", ["location"] = "义乌市国际商贸城一区东门", ["phone"] = "13900002222",
            ["idempotencyKey"] = Guid.NewGuid().ToString(), ["idNumber"] = LiNa,
        });

        Assert.All([wage, transfer, injury, appeal], r => Assert.True(r.Accepted, r.Message));
        var tickets = (await ListAsync(LiNa)).Value!;
        foreach (var (result, task) in new[] { (wage, "wage_complaint"), (transfer, "insurance_transfer"), (injury, "injury_report"), (appeal, "hotline_appeal") })
            Assert.Equal(task, Assert.Single(tickets, t => t.Ticket == result.Ticket).Task);
    }

    [Fact]
    public async Task FindStations_CityAndDistrict_ReturnsTypedStations()
    {
        var result = await InvokeAsync<LookupResult<IReadOnlyList<ServiceStation>>>("Stations", "FindStations", new() { ["city"] = "邯郸市", ["district"] = "邯山区" });

        var station = Assert.Single(result.Value!);
        Assert.Equal("邯山区司机之家", station.Name);
        Assert.Equal("24小时", station.Hours);
    }

    [Fact]
    public async Task GetTicket_UnknownNumber_ReturnsNotFoundAsData()
    {
        var result = await InvokeAsync<LookupResult<TicketInfo>>("Tickets", "GetTicket", new() { ["ticket"] = "GJJ-20000101-999999" });

        Assert.False(result.Found);
        Assert.Equal("ticket_not_found", result.ErrorCode);
    }

    [Fact]
    public async Task SubmitWithdrawal_EmptyIdempotencyKey_Throws()
    {
        var client = _services.GetRequiredService<HousingFundClient>();
        await Assert.ThrowsAsync<ArgumentException>(() =>
            client.SubmitWithdrawalAsync(new FundWithdrawalApplication(ZhangWei, "rent", 1m, "6217001234567890122"), " "));
    }

    [Fact]
    public void CreateReadOnlyPlugins_OffersOnlyLookups()
    {
        var offered = BackendFunctions.CreateReadOnlyPlugins(_services)
            .SelectMany(p => p.Select(f => $"{p.Name}.{f.Name}"))
            .Order();

        Assert.Equal(
            ["HousingFund.GetAccount", "SocialInsurance.GetRecord", "Stations.FindStations", "Tickets.GetTicket", "Tickets.ListTickets"],
            offered);
    }
}
