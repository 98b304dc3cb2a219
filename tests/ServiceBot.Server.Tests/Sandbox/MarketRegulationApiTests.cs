using System.Net;

namespace ServiceBot.Server.Tests.Sandbox;

/// <summary>The sandbox's registration appointments, with its clock on Friday 4 December 2026 in the evening.</summary>
public sealed class MarketRegulationApiTests(FridayEveningServer fixture) : IClassFixture<FridayEveningServer>
{
    private const string Route = "sandbox/api/market-regulation/foreign-enterprise-appointments";

    private static object Appointment(string passport = "E12345678", string company = "义乌星河进出口有限公司", string capital = "200000 EUR",
        string date = "2026-12-08")
        => new { passport, company_name = company, business_scope = "五金工具进出口", registered_capital = capital, appointment_date = date, phone = "13900003333" };

    [Fact]
    public async Task Book_ValidAppointmentForUnknownPassport_CreatesOneTicketListedByPassport()
    {
        using var response = await fixture.Server.PostAsync(Route, Appointment(), "fer-happy");
        var ticket = await SandboxAssert.JsonAsync(response, HttpStatusCode.Created);
        var number = ticket.GetProperty("ticket").GetString()!;
        Assert.StartsWith("WZDJ-", number);

        using var replay = await fixture.Server.PostAsync(Route, Appointment(), "fer-happy");
        Assert.Equal(number, (await SandboxAssert.JsonAsync(replay, HttpStatusCode.OK)).GetProperty("ticket").GetString());

        var listed = await fixture.Server.Http.GetAsync("sandbox/api/tickets?passport=e12345678");
        var tickets = await SandboxAssert.JsonAsync(listed, HttpStatusCode.OK);
        var only = Assert.Single(tickets.EnumerateArray());
        Assert.Equal("200000 EUR", only.GetProperty("slots").GetProperty("registered_capital").GetString());
    }

    [Fact]
    public async Task Book_RegisteredCompanyName_RefusedAsTaken()
    {
        using var response = await fixture.Server.PostAsync(Route, Appointment(passport: "PK1234567", company: "yiwu silk road trading co., ltd."));

        var detail = await SandboxAssert.ProblemAsync(response, HttpStatusCode.UnprocessableEntity, "company_name_taken");
        Assert.Contains("已被登记", detail);
    }

    [Theory]
    [InlineData("2026-12-05", "周六不办公")]
    [InlineData("2026-12-03", "已经过去")]
    [InlineData("2026-10-02", "已经过去")]
    [InlineData("12月8日", "yyyy-MM-dd")]
    public async Task Book_DayTheCounterIsClosed_ReturnsTheReason(string date, string reasonPart)
    {
        using var response = await fixture.Server.PostAsync(Route, Appointment(date: date));

        var detail = await SandboxAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "invalid_request");
        Assert.Contains(reasonPart, detail);
    }

    [Fact]
    public async Task Book_BadPassportCompanyAndCapital_ReturnsEachFieldsError()
    {
        using var response = await fixture.Server.PostAsync(Route, Appointment(passport: "130402199003074510", company: "星河进出口", capital: "50万美元"));

        var detail = await SandboxAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "invalid_request");
        Assert.Contains("身份证", detail);
        Assert.Contains("组织形式", detail);
        Assert.Contains("500000 USD", detail);
    }

    [Fact]
    public async Task ListTickets_BadPassport_ReturnsFieldError()
    {
        using var response = await fixture.Server.Http.GetAsync("sandbox/api/tickets?passport=12");

        await SandboxAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "invalid_request");
    }
}
