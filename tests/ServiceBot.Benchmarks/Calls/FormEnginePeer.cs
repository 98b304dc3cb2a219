using Microsoft.Extensions.Options;
using ServiceBot.Answers;
using ServiceBot.Backend;
using ServiceBot.Conversation;
using ServiceBot.Storage;
using ServiceBot.Storage.Protection;
using ServiceBot.Tasks;
using ServiceBot.Understanding.Intents;

namespace ServiceBot.Benchmarks.Calls;

/// <summary>
/// The peer: ServiceBot's own chat engine (intent routing, form engine, SQLite state) fed the caller's lines one at a
/// time as chat turns, its clock stopped at the call's time. Submissions are accepted by a stub backend.
/// </summary>
public sealed class FormEnginePeer
{
    private readonly SettableClock _clock = new();
    private readonly ConversationEngine _engine;

    public FormEnginePeer(IntentClassifier intents, IKnowledgeAnswerer answerer, string databasePath)
    {
        var clock = new ServiceTimeProvider(_clock);
        var understanding = ConversationUnderstanding.Create(intents, clock);
        var options = Options.Create(new ConversationOptions());
        var forms = new FormEngine(TaskCatalog.Default, understanding, new StubBackend(), answerer, clock, options);
        var state = new StateOptions { ConnectionString = $"Data Source={databasePath}" };
        var store = new SqliteConversationStore(Options.Create(state), DataProtectionStateProtector.ForKeysFolder(state.ResolveKeysPath()));
        _engine = new ConversationEngine(store, forms, understanding, answerer, clock, options);
    }

    /// <returns>The task the engine ended on, or null.</returns>
    public async Task<TaskSnapshot?> RunAsync(HotlineCall call, CancellationToken cancellationToken)
    {
        _clock.Now = call.At;
        TaskSnapshot? task = null;
        foreach (var line in call.Utterances.Where(u => u.Speaker == HotlineCall.Caller))
        {
            var reply = await _engine.HandleAsync(new IncomingMessage(call.Id, "hotline", null, null, line.Text), cancellationToken);
            task = reply.Task ?? task;
        }
        return task;
    }

    private sealed class SettableClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; }

        public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();
    }

    private sealed class StubBackend : ITaskBackend
    {
        private int _tickets;

        public Task<object?> InvokeAsync(string plugin, string function, IReadOnlyDictionary<string, object?> arguments, CancellationToken cancellationToken)
            => Task.FromResult<object?>(function.StartsWith("Submit", StringComparison.Ordinal)
                ? new SubmissionResult(true, $"T-BENCH-{Interlocked.Increment(ref _tickets):D6}", null, "申请已受理")
                : null);
    }
}
