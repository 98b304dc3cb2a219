using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;

namespace ServiceBot.Server.Tests.Staff.Admin.Insight;

/// <summary>
/// The real server with an agent and an admin account and a clock the test moves, so turns land on chosen days of the
/// service's zone (Asia/Shanghai) and the dashboard's day boundaries can be checked.
/// </summary>
public sealed class InsightServer : IAsyncLifetime
{
    public const string AgentToken = "insight-agent-token-51c2", AdminToken = "insight-admin-token-a7e0";

    private readonly ServiceBotServer _server;

    public InsightServer()
    {
        _server = new ServiceBotServer(new Dictionary<string, string>
        {
            ["AgentDesk:Agents:0:Name"] = "alice", ["AgentDesk:Agents:0:Token"] = AgentToken, ["AgentDesk:Agents:0:Role"] = "agent",
            ["AgentDesk:Agents:1:Name"] = "ada", ["AgentDesk:Agents:1:Token"] = AdminToken, ["AgentDesk:Agents:1:Role"] = "admin",
        }, services => services.AddSingleton<TimeProvider>(Clock));
    }

    public TestClock Clock { get; } = new();

    public HttpClient Http => _server.Http;

    public IServiceProvider Services => _server.Services;

    public string StateDatabasePath => _server.StateDatabasePath;

    public Task InitializeAsync() => _server.InitializeAsync();

    public Task DisposeAsync() => _server.DisposeAsync();

    /// <summary>Moves the clock to <paramref name="shanghai"/> (yyyy-MM-dd HH:mm, Beijing time).</summary>
    public void At(string shanghai) => Clock.SetNow(DateTimeOffset.Parse(shanghai + " +08:00", System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeSeconds());

    public HttpClient As(string token)
    {
        var client = new HttpClient { BaseAddress = _server.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
