using System.Net;

using ServiceBot.Server.Tests;

namespace ServiceBot.Server.Tests.Sandbox;

public sealed class HotlineApiTests(ServiceBotServer server) : IClassFixture<ServiceBotServer>
{
    [Fact]
    public async Task SubmitAppeal_WithIdNumber_CreatesExactlyOneTicketListedUnderThatPerson()
    {
        const string chenJing = "320583199806110043";
        var body = new { description = "小区门口路灯坏了一个月", location = "昆山市开发区前进东路", phone = "13600004444", id_number = chenJing };
        using var response = await server.PostAsync("sandbox/api/hotline/appeals", body, "hotline-happy");
        var ticket = await SandboxAssert.JsonAsync(response, HttpStatusCode.Created);
        Assert.StartsWith("RX-", ticket.GetProperty("ticket").GetString());

        using var replay = await server.PostAsync("sandbox/api/hotline/appeals", body, "hotline-happy");
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);

        var listed = Assert.Single(await server.ListTicketsAsync(chenJing));
        Assert.Equal("hotline_appeal", listed.GetProperty("task").GetString());
        Assert.Equal(new Dictionary<string, string>
        {
            ["description"] = "小区门口路灯坏了一个月",
            ["location"] = "昆山市开发区前进东路",
            ["phone"] = "13600004444",
        }, SandboxAssert.Slots(listed));
    }

    [Fact]
    public async Task SubmitAppeal_WithoutIdNumber_IsAcceptedAndReadableByNumber()
    {
        using var response = await server.PostAsync("sandbox/api/hotline/appeals", new { description = "噪音扰民", location = "义乌市稠城街道", phone = "13500005555" });
        var number = (await SandboxAssert.JsonAsync(response, HttpStatusCode.Created)).GetProperty("ticket").GetString();

        using var read = await server.Http.GetAsync($"sandbox/api/tickets/{number}");
        Assert.Equal("噪音扰民", SandboxAssert.Slots(await SandboxAssert.JsonAsync(read, HttpStatusCode.OK))["description"]);
    }

    [Fact]
    public async Task SubmitAppeal_MissingDescriptionAndLocation_ReturnsFieldErrors()
    {
        using var response = await server.PostAsync("sandbox/api/hotline/appeals", new { phone = "13500005555" });
        var detail = await SandboxAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "invalid_request");
        Assert.Contains("诉求内容", detail);
        Assert.Contains("事发地点", detail);
    }
}
