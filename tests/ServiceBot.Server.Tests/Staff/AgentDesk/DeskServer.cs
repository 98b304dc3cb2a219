using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ServiceBot.Assist;

namespace ServiceBot.Server.Tests.Staff.AgentDesk;

/// <summary>
/// The real server with the real engine and four staff accounts, and the assist services played by
/// <see cref="AssistScript"/>. Extra settings (a WeChat API, …) come from the constructor a test class chooses.
/// </summary>
public sealed class DeskServer : IAsyncLifetime
{
    public const string Alice = "alice-3f9c2a", Bob = "bob-8d41e7", Sue = "sue-supervisor-51ac", Ada = "ada-admin-77e0";

    private readonly ServiceBotServer _server;

    public DeskServer() : this(new Dictionary<string, string>())
    {
    }

    internal DeskServer(IReadOnlyDictionary<string, string> settings)
    {
        var all = new Dictionary<string, string>(settings)
        {
            ["AgentDesk:Agents:0:Name"] = "alice", ["AgentDesk:Agents:0:Token"] = Alice, ["AgentDesk:Agents:0:Role"] = "agent",
            ["AgentDesk:Agents:1:Name"] = "bob", ["AgentDesk:Agents:1:Token"] = Bob, ["AgentDesk:Agents:1:Role"] = "agent",
            ["AgentDesk:Agents:2:Name"] = "sue", ["AgentDesk:Agents:2:Token"] = Sue, ["AgentDesk:Agents:2:Role"] = "supervisor",
            ["AgentDesk:Agents:3:Name"] = "ada", ["AgentDesk:Agents:3:Token"] = Ada, ["AgentDesk:Agents:3:Role"] = "admin",
        };
        _server = new ServiceBotServer(all, services =>
        {
            services.AddSingleton<IConversationSummarizer>(new DelegateSummarizer(AssistScript.Summary));
            services.AddSingleton<IReplySuggester>(new DelegateReplySuggester(AssistScript.Suggest));
            services.AddSingleton<IDraftChecker>(new DelegateDraftChecker(AssistScript.Check));
            services.AddSingleton<ICallAssistant>(CallAssistant);
        });
    }

    internal DelegateCallAssistant CallAssistant { get; } = new(AssistScript.Assist);

    public HttpClient Http => _server.Http;

    public Uri BaseAddress => _server.BaseAddress;

    public IServiceProvider Services => _server.Services;

    public Task InitializeAsync() => _server.InitializeAsync();

    public Task DisposeAsync() => _server.DisposeAsync();

    /// <summary>A client signed in with <paramref name="token"/>.</summary>
    public HttpClient As(string token)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static async Task<JsonElement> JsonOf(HttpResponseMessage response)
        => JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, object? body = null)
        => client.PostAsync(path, body is null ? null : JsonContent.Create(body));
}
