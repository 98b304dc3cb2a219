using System.Net.Http.Headers;
using System.Text.Json;

namespace ServiceBot.Server.Tests.Staff.Admin;

/// <summary>
/// The real server with one staff account per role, a knowledge index and an upload folder of its own (a test class
/// re-indexes without disturbing the index other classes share).
/// </summary>
public sealed class AdminServer : IAsyncLifetime
{
    public const string AgentToken = "agent-token-2b7d91", SupervisorToken = "supervisor-token-c44e0a", AdminToken = "admin-token-9e13f6";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "servicebot-admin-tests", Guid.NewGuid().ToString("N"));
    private readonly ServiceBotServer _server;

    public AdminServer()
    {
        _server = new ServiceBotServer(new Dictionary<string, string>
        {
            ["AgentDesk:Agents:0:Name"] = "alice", ["AgentDesk:Agents:0:Token"] = AgentToken, ["AgentDesk:Agents:0:Role"] = "agent",
            ["AgentDesk:Agents:1:Name"] = "sue", ["AgentDesk:Agents:1:Token"] = SupervisorToken, ["AgentDesk:Agents:1:Role"] = "supervisor",
            ["AgentDesk:Agents:2:Name"] = "ada", ["AgentDesk:Agents:2:Token"] = AdminToken, ["AgentDesk:Agents:2:Role"] = "admin",
            ["Index:Path"] = Path.Combine(_folder, "index"),
            ["Admin:KnowledgePath"] = UploadFolder,
            ["Admin:MaxUploadBytes"] = "200000",
        });
    }

    /// <summary>Where the server writes uploaded documents.</summary>
    public string UploadFolder => Path.Combine(_folder, "uploads");

    public HttpClient Http => _server.Http;

    public Uri BaseAddress => _server.BaseAddress;

    public IServiceProvider Services => _server.Services;

    public string StateDatabasePath => _server.StateDatabasePath;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        await _server.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>A client signed in with <paramref name="token"/>.</summary>
    public HttpClient As(string token)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static async Task<JsonElement> JsonOf(HttpResponseMessage response)
        => JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
}
