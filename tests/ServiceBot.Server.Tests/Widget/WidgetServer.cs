using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using ServiceBot.Conversation;

namespace ServiceBot.Server.Tests.Widget;

/// <summary>
/// The real server on Kestrel at a free loopback port, as <see cref="ServiceBotServer"/> starts it, with the
/// conversation engine replaced by <see cref="ScriptedConversationEngine"/>, and its state, sandbox and
/// knowledge index in a folder of its own. Tests against the real engine use <see cref="ServiceBotServer"/>.
/// </summary>
public sealed class WidgetServer : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "servicebot-widget-tests", Guid.NewGuid().ToString("N"));
    private KestrelFactory? _factory;

    public ScriptedConversationEngine Script { get; } = new();

    public string StateDatabasePath => Path.Combine(_directory, "state.db");

    public HttpClient Http { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public IServiceProvider Services => _factory!.Services;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        _factory = new KestrelFactory(this);
        _factory.StartServer();
        var address = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        BaseAddress = new Uri(address.TrimEnd('/') + "/");
        Http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };

        for (var attempt = 0; ; attempt++)
        {
            using var health = await Http.GetAsync("healthz");
            if (health.IsSuccessStatusCode) break;
            // The server reports ready once it has built its knowledge index.
            if (attempt == 600) throw new InvalidOperationException($"/healthz answered {(int)health.StatusCode}.");
            await Task.Delay(100);
        }
    }

    public async Task DisposeAsync()
    {
        Http?.Dispose();
        if (_factory is not null) await _factory.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private sealed class KestrelFactory : WebApplicationFactory<Program>
    {
        private readonly WidgetServer _server;

        public KestrelFactory(WidgetServer server)
        {
            _server = server;
            UseKestrel(0);
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("State:ConnectionString", $"Data Source={_server.StateDatabasePath}");
            builder.UseSetting("Sandbox:ConnectionString", $"Data Source={Path.Combine(_server._directory, "sandbox.db")}");
            builder.UseSetting("Knowledge:Paths:0", RepositoryPaths.Knowledge);
            builder.UseSetting("Index:Path", Path.Combine(_server._directory, "index"));
            builder.ConfigureTestServices(services => services.AddSingleton(_server.Script.AsEngine()));
        }
    }
}
