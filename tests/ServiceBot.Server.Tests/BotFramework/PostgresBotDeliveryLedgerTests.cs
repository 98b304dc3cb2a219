using System.Net;
using ServiceBot.Core.Tests.Storage.Postgres;
using ServiceBot.Server.Tests.WeChat;
using static ServiceBot.Server.Tests.BotFramework.EmulatorActivities;

namespace ServiceBot.Server.Tests.BotFramework;

/// <summary>A channel resending an activity to another replica gets it handled once, through the shared ledger.</summary>
public sealed class PostgresBotDeliveryLedgerTests(PostgresTestDatabase database) : IClassFixture<PostgresTestDatabase>
{
    [PostgresFact]
    public async Task Message_SameActivityOnTwoReplicas_OneTurnAndOneReply()
    {
        var settings = new Dictionary<string, string>
        {
            ["State:Provider"] = "postgres",
            ["State:ConnectionString"] = await database.NewSchemaAsync(),
        };
        var engine = ScriptedEngine.Default();
        await using var connector = await CaptureServer.StartAsync();
        connector.Respond = _ => new(200, """{"id":"reply-1"}""");
        await using var first = await ChannelServer.StartAsync(settings, engine);
        await using var second = await ChannelServer.StartAsync(settings, engine);
        var activity = Message(connector.BaseAddress, "act-replicas", "重复");

        using var original = await PostAsync(first.Http, activity);
        using var resent = await PostAsync(second.Http, activity);

        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.Accepted), (original.StatusCode, resent.StatusCode));
        await connector.WaitForAsync(r => r.Method == "POST");
        await Task.Delay(300);
        Assert.Single(connector.Requests);
        Assert.Equal(1, engine.CallCount);
    }
}
