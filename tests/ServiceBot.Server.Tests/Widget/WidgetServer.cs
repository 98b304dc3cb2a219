using Microsoft.Extensions.DependencyInjection;

namespace ServiceBot.Server.Tests.Widget;

/// <summary>
/// <see cref="ServiceBotServer"/> with the conversation engine replaced by <see cref="ScriptedConversationEngine"/>.
/// Tests against the real engine use <see cref="ServiceBotServer"/> itself.
/// </summary>
public sealed class WidgetServer : IAsyncLifetime
{
    private readonly ServiceBotServer _server;

    public WidgetServer() => _server = new ServiceBotServer(null, services => services.AddSingleton(Script.AsEngine()));

    public ScriptedConversationEngine Script { get; } = new();

    public string StateDatabasePath => _server.StateDatabasePath;

    public HttpClient Http => _server.Http;

    public Uri BaseAddress => _server.BaseAddress;

    public IServiceProvider Services => _server.Services;

    public Task InitializeAsync() => _server.InitializeAsync();

    public Task DisposeAsync() => _server.DisposeAsync();
}
