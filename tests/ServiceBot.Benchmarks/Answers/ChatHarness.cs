using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ServiceBot.Backend;
using ServiceBot.Conversation;
using ServiceBot.Hosting;
using ServiceBot.Knowledge;
using ServiceBot.Server.Chat;
using ServiceBot.Server.Sandbox;
using ServiceBot.Storage;

namespace ServiceBot.Benchmarks.Answers;

/// <summary>
/// The conversation engine behind /api/chat, composed in process the way the CLI <c>chat</c> command composes it:
/// the offline engine (no model), SQLite state, a fresh index and the built-in sandbox backend, all in a temporary
/// folder. The sandbox is there because a question that names a city can start a station search at once.
/// </summary>
public sealed class ChatHarness : IAsyncDisposable
{
    private readonly ServiceProvider _provider;
    private readonly EmbeddedSandbox _sandbox;
    private readonly string _folder;

    private ChatHarness(ServiceProvider provider, EmbeddedSandbox sandbox, string folder)
    {
        _provider = provider;
        _sandbox = sandbox;
        _folder = folder;
    }

    public IConversationEngine Engine => _provider.GetRequiredService<IConversationEngine>();

    public KnowledgeBaseProvider Knowledge => _provider.GetRequiredService<KnowledgeBaseProvider>();

    /// <param name="overrides">Configuration on top of the defaults, e.g. <c>Answers:MinCoverage</c>.</param>
    /// <param name="indexFolder">An index folder to reuse across harnesses (ingestion skips unchanged files); a fresh one by default.</param>
    /// <param name="services">Registrations made before the engine's own, which then keep them (e.g. an observing <see cref="ServiceBot.Answers.IKnowledgeAnswerer"/>).</param>
    public static async Task<ChatHarness> CreateAsync(IReadOnlyList<string> knowledgeFolders,
        IReadOnlyDictionary<string, string?>? overrides = null, string? indexFolder = null, Action<IServiceCollection>? services = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "servicebot-layqa-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var settings = new Dictionary<string, string?>
        {
            [$"{IndexOptions.SectionName}:Path"] = indexFolder ?? Path.Combine(folder, "index"),
            [$"{StateOptions.SectionName}:ConnectionString"] = $"Data Source={Path.Combine(folder, "state.db")}",
            [$"{SandboxOptions.SectionName}:ConnectionString"] = $"Data Source={Path.Combine(folder, "sandbox.db")}",
        };
        for (var i = 0; i < knowledgeFolders.Count; i++) settings[$"{KnowledgeOptions.SectionName}:Paths:{i}"] = knowledgeFolders[i];
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>()) settings[key] = value;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

        var sandbox = await EmbeddedSandbox.StartAsync(configuration, CancellationToken.None);
        var collection = new ServiceCollection();
        services?.Invoke(collection);
        var provider = collection
            .AddLogging()
            .AddServiceBotKnowledge(configuration)
            .AddServiceBotState(configuration)
            .AddServiceBotBackend(configuration)
            .AddServiceBotConversation(configuration)
            .AddSingleton<IBackendAddressProvider>(sandbox)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        return new ChatHarness(provider, sandbox, folder);
    }

    /// <summary>Sends <paramref name="messages"/> in one fresh conversation of a fresh user; returns every reply with its latency.</summary>
    /// <param name="beforeTurn">Called with each turn's index before the engine handles it.</param>
    public async Task<IReadOnlyList<(Reply Reply, double Milliseconds)>> ConverseAsync(string user, IReadOnlyList<string> messages,
        CancellationToken cancellationToken = default, Action<int>? beforeTurn = null)
    {
        var replies = new List<(Reply, double)>(messages.Count);
        string? conversation = null;
        for (var turn = 0; turn < messages.Count; turn++)
        {
            beforeTurn?.Invoke(turn);
            var started = Stopwatch.GetTimestamp();
            var reply = await Engine.HandleAsync(new IncomingMessage(user, ChatApi.Channel, conversation, $"{user}-{turn}", messages[turn]), cancellationToken);
            replies.Add((reply, Stopwatch.GetElapsedTime(started).TotalMilliseconds));
            conversation = reply.ConversationId;
        }
        return replies;
    }

    public async ValueTask DisposeAsync()
    {
        await _provider.DisposeAsync();
        await _sandbox.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless; failing the benchmark over it is not.
        }
    }
}
