using System.Net;

using ServiceBot.Server.Tests;

namespace ServiceBot.Server.Tests.Sandbox;

public sealed class SocialInsuranceApiTests(ServiceBotServer server) : IClassFixture<ServiceBotServer>
{
    private const string LiNa = "330782199208153322";
    private const string WangQiang = "41010219850120293X";

    [Fact]
    public async Task GetRecord_KnownId_ReturnsCityTypesAndPilot()
    {
        using var response = await server.Http.GetAsync($"sandbox/api/social-insurance/records/{WangQiang}");
        var record = await SandboxAssert.JsonAsync(response, HttpStatusCode.OK);
        Assert.Equal("郑州市", record.GetProperty("city").GetString());
        Assert.False(record.GetProperty("injuryPilot").GetBoolean());
    }

    [Fact]
    public async Task SubmitTransfer_HeldInsurance_CreatesExactlyOneListedTicket()
    {
        var body = new { id_number = LiNa, from_city = "义乌", to_city = "杭州市", insurance_type = "失业保险" };
        using var response = await server.PostAsync("sandbox/api/social-insurance/transfers", body, "transfer-happy");
        var ticket = await SandboxAssert.JsonAsync(response, HttpStatusCode.Created);
        Assert.StartsWith("SBZY-", ticket.GetProperty("ticket").GetString());

        var listed = Assert.Single(await server.ListTicketsAsync(LiNa), t => t.GetProperty("task").GetString() == "insurance_transfer");
        Assert.Equal(new Dictionary<string, string>
        {
            ["id_number"] = LiNa,
            ["from_city"] = "义乌",
            ["to_city"] = "杭州市",
            ["insurance_type"] = "失业保险",
        }, SandboxAssert.Slots(listed));
    }

    [Fact]
    public async Task SubmitTransfer_TypeNotHeld_RefusedNamingWhatIsHeld()
    {
        using var response = await server.PostAsync("sandbox/api/social-insurance/transfers",
            new { id_number = WangQiang, from_city = "郑州市", to_city = "北京市", insurance_type = "医疗保险" });
        var detail = await SandboxAssert.ProblemAsync(response, HttpStatusCode.UnprocessableEntity, "insurance_not_held");
        Assert.Contains("医疗保险", detail);
        Assert.Contains("养老保险", detail);
    }

    [Fact]
    public async Task SubmitTransfer_WrongFromCity_Refused()
    {
        using var response = await server.PostAsync("sandbox/api/social-insurance/transfers",
            new { id_number = WangQiang, from_city = "上海市", to_city = "北京市", insurance_type = "养老保险" });
        await SandboxAssert.ProblemAsync(response, HttpStatusCode.UnprocessableEntity, "insurance_not_held");
    }

    [Fact]
    public async Task SubmitTransfer_UnknownTypeOrSameCity_ReturnsFieldErrors()
    {
        using var response = await server.PostAsync("sandbox/api/social-insurance/transfers",
            new { id_number = WangQiang, from_city = "郑州市", to_city = "郑州", insurance_type = "工伤保险" });
        var detail = await SandboxAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "invalid_request");
        Assert.Contains("险种", detail);
        Assert.Contains("相同", detail);
    }
}
