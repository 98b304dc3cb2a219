using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ServiceBot.Hosting;
using ServiceBot.Ingestion;
using ServiceBot.Server.Tests.Hosting;

namespace ServiceBot.Server.Tests;

/// <summary>
/// The real server on Kestrel at a free loopback port, over real HTTP, with its conversations, tickets and
/// knowledge index in a temp folder of its own (SQLite files). <see cref="RestartAsync"/> stops it and starts
/// a fresh one on the same files.
/// </summary>
public sealed class ServiceBotServer : IAsyncLifetime
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The sandbox key the test servers use; <see cref="Http"/> presents it, as the bot's backend client does.</summary>
    public const string SandboxKey = "test-sandbox-key-7f3a9c";

    /// <summary>
    /// The chat API key the test servers accept; <see cref="Http"/> presents it, as a trusted integration would, so
    /// route tests may speak for any user without a token. <see cref="CreateAnonymousClient"/> makes a client without it.
    /// </summary>
    public const string ChatApiKey = "test-chat-api-key-4b8e21d0";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "servicebot-server-tests", Guid.NewGuid().ToString("N"));
    private readonly IReadOnlyDictionary<string, string> _overrides;
    private readonly Action<IServiceCollection>? _testServices;
    private KestrelFactory? _factory;

    public ServiceBotServer() : this(null)
    {
    }

    /// <summary>Not public: a class fixture may have only one public constructor.</summary>
    /// <param name="settings">Configuration on top of the defaults below (for example a model, or another knowledge folder and index).</param>
    /// <param name="testServices">Registrations that replace the server's own (for example a scripted engine).</param>
    internal ServiceBotServer(IReadOnlyDictionary<string, string>? settings, Action<IServiceCollection>? testServices = null)
    {
        _overrides = settings ?? new Dictionary<string, string>();
        _testServices = testServices;
    }

    // Every server of the run reads one knowledge index, built once; an unchanged index is only read.
    private static readonly Lazy<Task<string>> SharedIndex = new(async () =>
    {
        var folder = Path.Combine(Path.GetTempPath(), "servicebot-server-tests", "index-" + Environment.ProcessId);
        var pipeline = new IngestionPipeline(Options.Create(new KnowledgeOptions()), Options.Create(new IndexOptions()));
        await pipeline.RunAsync([RepositoryPaths.Knowledge], folder);
        return folder;
    });

    public string DatabasePath => Path.Combine(_directory, "sandbox.db");

    public string StateDatabasePath => Path.Combine(_directory, "state.db");

    public HttpClient Http { get; private set; } = null!;

    /// <summary>The server root, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    public IServiceProvider Services => _factory!.Services;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        await StartAsync();
    }

    public async Task RestartAsync()
    {
        await StopAsync();
        await StartAsync();
    }

    public async Task DisposeAsync()
    {
        await StopAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private async Task StartAsync()
    {
        var settings = new Dictionary<string, string>
        {
            ["Sandbox:ConnectionString"] = $"Data Source={DatabasePath}",
            ["State:ConnectionString"] = $"Data Source={StateDatabasePath}",
            ["Knowledge:Paths:0"] = RepositoryPaths.Knowledge,
            ["Sandbox:ApiKey"] = SandboxKey,
            ["Chat:ApiKeys:0"] = ChatApiKey,
        };
        foreach (var (key, value) in _overrides) settings[key] = value;
        if (!settings.ContainsKey("Index:Path")) settings["Index:Path"] = await SharedIndex.Value;
        for (var attempt = 1; ; attempt++)
        {
            _factory = new KestrelFactory(settings, _testServices);
            try
            {
                _factory.StartServer();
                break;
            }
            // WebApplicationFactory sets the Kestrel port after the host starts; on a loaded machine the server can win
            // that race. A fresh factory is a fresh host, so starting again is safe.
            catch (InvalidOperationException e) when (attempt < 3 && e.Message.Contains("IServerAddressesFeature", StringComparison.Ordinal))
            {
                await _factory.DisposeAsync();
            }
            catch (Exception e) when (_factory.StartupErrors.Count > 0)
            {
                throw new InvalidOperationException("The server failed to start: " + string.Join(Environment.NewLine, _factory.StartupErrors), e);
            }
        }
        var address = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        BaseAddress = new Uri(address.TrimEnd('/') + "/");
        Http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        Http.DefaultRequestHeaders.Add("X-Sandbox-Key", SandboxKey);
        Http.DefaultRequestHeaders.Add("X-Api-Key", ChatApiKey);

        for (var attempt = 0; ; attempt++)
        {
            using var health = await Http.GetAsync("healthz");
            if (health.IsSuccessStatusCode) break;
            // The first start builds the knowledge index before it reports ready.
            if (attempt == 600) throw new InvalidOperationException($"/healthz answered {(int)health.StatusCode}.");
            await Task.Delay(100);
        }
    }

    private async Task StopAsync()
    {
        Http?.Dispose();
        if (_factory is not null) await _factory.DisposeAsync();
        _factory = null;
    }

    // Helpers shared by the route tests.

    /// <summary>A client with no keys at all, as a visitor's browser would be.</summary>
    public HttpClient CreateAnonymousClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    public async Task<HttpResponseMessage> PostAsync(string path, object body, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        return await Http.SendAsync(request);
    }

    public async Task<List<JsonElement>> ListTicketsAsync(string idNumber) =>
        (await Http.GetFromJsonAsync<List<JsonElement>>($"sandbox/api/tickets?idNumber={idNumber}", Json))!;

    private sealed class KestrelFactory : WebApplicationFactory<Program>
    {
        private readonly IReadOnlyDictionary<string, string> _settings;
        private readonly Action<IServiceCollection>? _testServices;
        private readonly StartupFailureLog _startupFailures = new();

        public KestrelFactory(IReadOnlyDictionary<string, string> settings, Action<IServiceCollection>? testServices)
        {
            _settings = settings;
            _testServices = testServices;
            UseKestrel(0);
        }

        /// <summary>The errors the host logged while starting, the cause when the start fails.</summary>
        public IReadOnlyCollection<string> StartupErrors => _startupFailures.Errors;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            foreach (var (key, value) in _settings) builder.UseSetting(key, value);
            builder.ConfigureServices(services => services.AddSingleton<ILoggerProvider>(_startupFailures));
            if (_testServices is not null) builder.ConfigureTestServices(_testServices);
        }
    }
}
