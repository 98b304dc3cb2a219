using Microsoft.Extensions.DependencyInjection;
using ServiceBot.Conversation;

namespace ServiceBot.Server.Tests.WeChat;

/// <summary>
/// <see cref="ServiceBotServer"/> with channel settings of the test's choosing and, unless null, a scripted engine
/// in place of the real one. Its clock starts at <see cref="TestClock.DefaultUnixSeconds"/>, the time the test
/// deliveries are signed at; a test may move it.
/// </summary>
public sealed class ChannelServer : IAsyncDisposable
{
    private readonly ServiceBotServer _server;

    private ChannelServer(ServiceBotServer server, TestClock clock)
    {
        _server = server;
        Clock = clock;
    }

    public TestClock Clock { get; }

    public HttpClient Http => _server.Http;

    public Uri BaseAddress => _server.BaseAddress;

    public IServiceProvider Services => _server.Services;

    public static async Task<ChannelServer> StartAsync(IReadOnlyDictionary<string, string> settings, IConversationEngine? engine)
    {
        var clock = new TestClock();
        var server = new ServiceBotServer(settings, services =>
        {
            services.AddSingleton<TimeProvider>(clock);
            if (engine is not null) services.AddSingleton(engine);
        });
        await server.InitializeAsync();
        // Starting may take a while on a busy machine; tests start from the signing time itself.
        clock.SetNow(TestClock.DefaultUnixSeconds);
        return new ChannelServer(server, clock);
    }

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();
}
