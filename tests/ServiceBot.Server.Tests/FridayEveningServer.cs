using Microsoft.Extensions.DependencyInjection;

namespace ServiceBot.Server.Tests;

/// <summary>
/// A <see cref="ServiceBotServer"/> whose clock — the conversation's and the sandbox's — starts on Friday 4 December 2026
/// at 22:00 Beijing time and runs on from there, so "明天" is a Saturday whenever the tests run. The host's own zone
/// stays whatever the machine's is (UTC here), as in production.
/// </summary>
public sealed class FridayEveningServer : IAsyncLifetime
{
    public static readonly DateTimeOffset StartsAt = new(2026, 12, 4, 22, 0, 0, TimeSpan.FromHours(8));

    private readonly TestClock _clock = new(StartsAt.ToUnixTimeSeconds());

    public FridayEveningServer() => Server = new ServiceBotServer(null, services => services.AddSingleton<TimeProvider>(_clock));

    public ServiceBotServer Server { get; }

    public async Task InitializeAsync()
    {
        await Server.InitializeAsync();
        // Starting may take a while on a busy machine; the tests start from the chosen evening itself.
        _clock.SetNow(StartsAt.ToUnixTimeSeconds());
    }

    public Task DisposeAsync() => Server.DisposeAsync();
}
