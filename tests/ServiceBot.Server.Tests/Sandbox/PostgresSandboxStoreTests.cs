using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ServiceBot.Core.Tests.Storage.Postgres;

namespace ServiceBot.Server.Tests.Sandbox;

/// <summary>Two sandbox processes on one PostgreSQL ticket database, over real HTTP: one backend for every replica.</summary>
public sealed class PostgresSandboxStoreTests(PostgresTestDatabase database) : IClassFixture<PostgresTestDatabase>
{
    private const string ZhangWei = "130402199003074510";

    private static object Report(string injury) => new
    {
        id_number = ZhangWei,
        platform = "美团",
        accident_time = "2025-06-01T15:00:00+08:00",
        accident_place = "邯郸市丛台区人民路",
        injury,
        phone = "13800001111",
    };

    [PostgresFact]
    public async Task Submit_SameKeyOnTwoSandboxes_OneTicketBothSeeAndStatusMovesForBoth()
    {
        var settings = new Dictionary<string, string>
        {
            ["Sandbox:Provider"] = "postgres",
            ["Sandbox:ConnectionString"] = await database.NewSchemaAsync(),
        };
        await using var first = new ServiceBotServer(settings);
        await using var second = new ServiceBotServer(settings);
        await Task.WhenAll(first.InitializeAsync(), second.InitializeAsync());

        using var created = await first.PostAsync("sandbox/api/injury/reports", Report("右手腕骨折"), "pg-same-key");
        using var repeated = await second.PostAsync("sandbox/api/injury/reports", Report("右手腕骨折"), "pg-same-key");
        using var conflicting = await second.PostAsync("sandbox/api/injury/reports", Report("左脚踝扭伤"), "pg-same-key");

        var ticket = (await SandboxAssert.JsonAsync(created, HttpStatusCode.Created)).GetProperty("ticket").GetString()!;
        Assert.Equal(ticket, (await SandboxAssert.JsonAsync(repeated, HttpStatusCode.OK)).GetProperty("ticket").GetString());
        Assert.Equal(HttpStatusCode.Conflict, conflicting.StatusCode);
        Assert.Equal([ticket], (await second.ListTicketsAsync(ZhangWei)).Select(t => t.GetProperty("ticket").GetString()));

        using var moved = await second.Http.PutAsJsonAsync($"sandbox/api/tickets/{ticket.ToLowerInvariant()}/status", new { status = "办理中" });
        Assert.True(moved.IsSuccessStatusCode, $"status update answered {(int)moved.StatusCode}");
        using var read = await first.Http.GetAsync($"sandbox/api/tickets/{ticket}");
        Assert.Equal("办理中", (await SandboxAssert.JsonAsync(read, HttpStatusCode.OK)).GetProperty("status").GetString());
    }

    [PostgresFact]
    public async Task Book_ForeignAppointment_ListedByPassportFromTheOtherSandbox()
    {
        var settings = new Dictionary<string, string>
        {
            ["Sandbox:Provider"] = "postgres",
            ["Sandbox:ConnectionString"] = await database.NewSchemaAsync(),
        };
        var clock = new TestClock(FridayEveningServer.StartsAt.ToUnixTimeSeconds());
        await using var first = new ServiceBotServer(settings, services => services.AddSingleton<TimeProvider>(clock));
        await using var second = new ServiceBotServer(settings, services => services.AddSingleton<TimeProvider>(clock));
        await Task.WhenAll(first.InitializeAsync(), second.InitializeAsync());
        clock.SetNow(FridayEveningServer.StartsAt.ToUnixTimeSeconds());

        using var booked = await first.PostAsync("sandbox/api/market-regulation/foreign-enterprise-appointments", new
        {
            passport = "PK1234567", company_name = "义乌环球贸易有限公司", business_scope = "日用百货进出口",
            registered_capital = "500000 USD", appointment_date = "2026-12-07", phone = "13500005555",
        }, "pg-foreign");

        var ticket = (await SandboxAssert.JsonAsync(booked, HttpStatusCode.Created)).GetProperty("ticket").GetString()!;
        var listed = await second.Http.GetFromJsonAsync<List<JsonElement>>("sandbox/api/tickets?passport=pk1234567", ServiceBotServer.Json);
        var only = Assert.Single(listed!);
        Assert.Equal(ticket, only.GetProperty("ticket").GetString());
        Assert.Equal("PK1234567", only.GetProperty("slots").GetProperty("passport").GetString());
        Assert.Empty(await second.ListTicketsAsync(ZhangWei));
    }
}
