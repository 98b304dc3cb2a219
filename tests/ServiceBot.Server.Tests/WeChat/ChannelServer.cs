using Microsoft.Extensions.DependencyInjection;
using ServiceBot.Conversation;

namespace ServiceBot.Server.Tests.WeChat;

/// <summary>
/// <see cref="ServiceBotServer"/> with channel settings of the test's choosing and, unless null, a scripted engine
/// in place of the real one.
/// </summary>
public sealed class ChannelServer : IAsyncDisposable
{
    private readonly ServiceBotServer _server;

    private ChannelServer(ServiceBotServer server) => _server = server;

    public HttpClient Http => _server.Http;

    public Uri BaseAddress => _server.BaseAddress;

    public IServiceProvider Services => _server.Services;

    public static async Task<ChannelServer> StartAsync(IReadOnlyDictionary<string, string> settings, IConversationEngine? engine)
    {
        var server = new ServiceBotServer(settings, engine is null ? null : services => services.AddSingleton(engine));
        await server.InitializeAsync();
        return new ChannelServer(server);
    }

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();
}
