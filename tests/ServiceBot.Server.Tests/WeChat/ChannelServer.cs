using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using ServiceBot.Conversation;

namespace ServiceBot.Server.Tests.WeChat;

/// <summary>
/// The real server on Kestrel at a free loopback port, as <see cref="ServiceBotServer"/> runs it, with channel settings of the
/// test's choosing and, unless null, a scripted engine in place of the real one. With no engine given the real
/// one answers, over the repository's knowledge with an index and state of the test's own.
/// </summary>
public sealed class ChannelServer : IAsyncDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "servicebot-channel-tests", Guid.NewGuid().ToString("N"));
    private Factory? _factory;

    public HttpClient Http { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public IServiceProvider Services => _factory!.Services;

    public static async Task<ChannelServer> StartAsync(IReadOnlyDictionary<string, string> settings, IConversationEngine? engine)
    {
        var server = new ChannelServer();
        Directory.CreateDirectory(server._directory);
        var all = new Dictionary<string, string>(settings)
        {
            ["Sandbox:ConnectionString"] = $"Data Source={Path.Combine(server._directory, "sandbox.db")}",
            ["Knowledge:Paths:0"] = RepositoryPaths.Knowledge,
            ["Index:Path"] = Path.Combine(server._directory, "index"),
        };
        foreach (var (key, value) in DefaultStateSettings(server._directory)) all.TryAdd(key, value);
        server._factory = new Factory(all, engine);
        server._factory.StartServer();
        var address = server._factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server.BaseAddress = new Uri(address.TrimEnd('/') + "/");
        server.Http = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        // The server reports ready once its knowledge index is built.
        for (var attempt = 0; ; attempt++)
        {
            using var health = await server.Http.GetAsync("healthz");
            if (health.IsSuccessStatusCode) break;
            if (attempt == 600) throw new InvalidOperationException($"/healthz answered {(int)health.StatusCode}.");
            await Task.Delay(100);
        }
        return server;
    }

    // Keeps any state the real engine writes out of the working directory.
    private static Dictionary<string, string> DefaultStateSettings(string directory) => new()
    {
        ["State:ConnectionString"] = $"Data Source={Path.Combine(directory, "state.db")}",
    };

    public async ValueTask DisposeAsync()
    {
        Http?.Dispose();
        if (_factory is not null) await _factory.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_directory, recursive: true); }
        catch (IOException) { /* a file still held open is left for the temp cleaner */ }
    }


    private sealed class Factory : WebApplicationFactory<Program>
    {
        private readonly IReadOnlyDictionary<string, string> _settings;
        private readonly IConversationEngine? _engine;

        public Factory(IReadOnlyDictionary<string, string> settings, IConversationEngine? engine)
        {
            _settings = settings;
            _engine = engine;
            UseKestrel(0);
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            foreach (var (key, value) in _settings) builder.UseSetting(key, value);
            builder.ConfigureTestServices(services =>
            {
                if (_engine is not null) services.AddSingleton(_engine);
            });
        }
    }
}
