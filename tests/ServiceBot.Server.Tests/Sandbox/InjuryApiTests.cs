using System.Net;

using ServiceBot.Server.Tests;

namespace ServiceBot.Server.Tests.Sandbox;

public sealed class InjuryApiTests(ServiceBotServer server) : IClassFixture<ServiceBotServer>
{
    private const string ZhangWei = "130402199003074510";
    private const string WangQiang = "41010219850120293X";

    private static object Report(string id, string accidentTime, string injury = "右手腕骨折") => new
    {
        id_number = id,
        platform = "美团",
        accident_time = accidentTime,
        accident_place = "邯郸市丛台区人民路",
        injury,
        phone = "13800001111",
    };

    [Fact]
    public async Task SubmitReport_PilotParticipant_CreatesExactlyOneListedTicket()
    {
        using var response = await server.PostAsync("sandbox/api/injury/reports", Report(ZhangWei, "2025-06-01T15:00:00+08:00"), "injury-happy");
        var ticket = await SandboxAssert.JsonAsync(response, HttpStatusCode.Created);
        var number = ticket.GetProperty("ticket").GetString()!;
        Assert.StartsWith("ZYSH-", number);

        var listed = Assert.Single(await server.ListTicketsAsync(ZhangWei), t => t.GetProperty("ticket").GetString() == number);
        Assert.Equal("injury_report", listed.GetProperty("task").GetString());
        Assert.Equal(new Dictionary<string, string>
        {
            ["id_number"] = ZhangWei,
            ["platform"] = "美团",
            ["accident_time"] = "2025-06-01T15:00:00+08:00",
            ["accident_place"] = "邯郸市丛台区人民路",
            ["injury"] = "右手腕骨折",
            ["phone"] = "13800001111",
        }, SandboxAssert.Slots(listed));
    }

    [Fact]
    public async Task SubmitReport_TimeWithoutOffset_IsReadAsBeijingTime()
    {
        using var response = await server.PostAsync("sandbox/api/injury/reports", Report(ZhangWei, "2025-06-02T09:30:00", "左脚踝扭伤"));
        var ticket = await SandboxAssert.JsonAsync(response, HttpStatusCode.Created);
        Assert.Equal("2025-06-02T09:30:00+08:00", SandboxAssert.Slots(ticket)["accident_time"]);
    }

    [Fact]
    public async Task SubmitReport_NotInPilot_Refused()
    {
        using var response = await server.PostAsync("sandbox/api/injury/reports", Report(WangQiang, "2025-06-01T15:00:00+08:00"), "injury-no-pilot");
        var detail = await SandboxAssert.ProblemAsync(response, HttpStatusCode.UnprocessableEntity, "injury_pilot_not_enrolled");
        Assert.Contains("试点", detail);
        Assert.Empty(await server.ListTicketsAsync(WangQiang));
    }

    [Fact]
    public async Task SubmitReport_FutureOrUnreadableTime_ReturnsFieldError()
    {
        using var future = await server.PostAsync("sandbox/api/injury/reports", Report(ZhangWei, DateTimeOffset.UtcNow.AddDays(2).ToString("O")));
        Assert.Contains("不能晚于", await SandboxAssert.ProblemAsync(future, HttpStatusCode.BadRequest, "invalid_request"));

        using var unreadable = await server.PostAsync("sandbox/api/injury/reports", Report(ZhangWei, "昨天下午三点"));
        Assert.Contains("ISO 8601", await SandboxAssert.ProblemAsync(unreadable, HttpStatusCode.BadRequest, "invalid_request"));
    }
}
