using System.Net;

using ServiceBot.Server.Tests;

namespace ServiceBot.Server.Tests.Sandbox;

public sealed class LabourInspectionApiTests(ServiceBotServer server) : IClassFixture<ServiceBotServer>
{
    private const string LiNa = "330782199208153322";

    [Fact]
    public async Task SubmitWageComplaint_ValidComplaint_CreatesExactlyOneListedTicket()
    {
        var body = new { id_number = LiNa, employer = "义乌某货运有限公司", amount = 8600, period = "2025年3月至5月", phone = "13900002222" };
        using var response = await server.PostAsync("sandbox/api/labour-inspection/wage-complaints", body, "wage-happy");
        var ticket = await SandboxAssert.JsonAsync(response, HttpStatusCode.Created);
        var number = ticket.GetProperty("ticket").GetString()!;
        Assert.StartsWith("QX-", number);

        using var replay = await server.PostAsync("sandbox/api/labour-inspection/wage-complaints", body, "wage-happy");
        Assert.Equal(number, (await SandboxAssert.JsonAsync(replay, HttpStatusCode.OK)).GetProperty("ticket").GetString());

        var listed = Assert.Single(await server.ListTicketsAsync(LiNa), t => t.GetProperty("task").GetString() == "wage_complaint");
        Assert.Equal(new Dictionary<string, string>
        {
            ["id_number"] = LiNa,
            ["employer"] = "义乌某货运有限公司",
            ["amount"] = "8600",
            ["period"] = "2025年3月至5月",
            ["phone"] = "13900002222",
        }, SandboxAssert.Slots(listed));
    }

    [Fact]
    public async Task SubmitWageComplaint_MissingEmployerAndBadPhone_ReturnsFieldErrors()
    {
        using var response = await server.PostAsync("sandbox/api/labour-inspection/wage-complaints",
            new { id_number = LiNa, employer = " ", amount = 100, period = "2025年5月", phone = "12345" });
        var detail = await SandboxAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "invalid_request");
        Assert.Contains("欠薪单位", detail);
        Assert.Contains("手机号码", detail);
    }

    [Fact]
    public async Task SubmitWageComplaint_UnknownId_ReturnsPersonNotFound()
    {
        using var response = await server.PostAsync("sandbox/api/labour-inspection/wage-complaints",
            new { id_number = "440304199501010018", employer = "某公司", amount = 100, period = "2025年5月", phone = "13900002222" });
        await SandboxAssert.ProblemAsync(response, HttpStatusCode.NotFound, "person_not_found");
    }
}
