using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using ServiceBot.Analytics;
using ServiceBot.Conversation;
using ServiceBot.Storage;
using ServiceBot.Storage.Protection;

namespace ServiceBot.Benchmarks.Turns;

/// <summary>
/// What storage alone costs per chat turn, with the real stores on a temporary SQLite file and nothing else in the
/// process: each turn asks whether its message was processed, reads the conversation, adds an exchange and saves
/// state, reply and analytics row, as the engine does. <c>--parallel N</c> runs N conversations at once, each with one
/// turn in flight, as N users would; writes that meet share a group commit. Conversations run past the history window, so states carry a
/// full history. Uses the stores' public surface only, so the same build can run against another version of
/// ServiceBot.Core (dropped in beside it) for a before/after comparison.
/// </summary>
internal static class StorageTurnBenchmark
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 30, 2, 0, 0, TimeSpan.Zero);

    // Replies of the lengths a dialogue gives: a slot prompt, a short answer, a cited clause.
    private static readonly string[] Replies =
    [
        "请提供您的银行卡号。",
        "根据《住房公积金管理条例》第二十四条，职工购买、建造、翻建、大修自住住房的，可以提取职工住房公积金账户内的存储余额。",
        string.Concat(Enumerable.Repeat("根据《工伤保险条例》第十四条，职工在工作时间和工作场所内，因工作原因受到事故伤害的，应当认定为工伤。", 2)),
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        var conversations = TurnBenchmark.ReadOption(args, "--conversations", 64);
        var turnsPerConversation = TurnBenchmark.ReadOption(args, "--turns", 60);
        var parallel = TurnBenchmark.ReadOption(args, "--parallel", 4);
        var folder = Path.Combine(Path.GetTempPath(), "servicebot-storage-turns-" + Guid.NewGuid().ToString("N"));
        try
        {
            var options = Options.Create(new StateOptions { ConnectionString = $"Data Source={Path.Combine(folder, "state.db")}" });
            var protector = DataProtectionStateProtector.ForKeysFolder(Path.Combine(folder, "keys"));
            var store = new SqliteConversationStore(options, protector, new SqliteTurnAnalyticsStore(options, protector));

            // Warm-up on conversations of their own, so the JIT is done and the measured ones start empty.
            await RunTurnsAsync(store, "warm", conversations, turnsPerConversation / 2, parallel);
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            var turns = await RunTurnsAsync(store, "bench", conversations, turnsPerConversation, parallel);
            var elapsed = clock.Elapsed;
            var cpuPerTurn = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMicroseconds / turns;
            // A store that queues its writes is drained before the files are measured; earlier versions are not disposable.
            if (store is IAsyncDisposable disposable) await disposable.DisposeAsync();

            Console.WriteLine($"## Storage alone: {conversations} conversations × {turnsPerConversation} turns, {parallel} at a time");
            Console.WriteLine();
            Console.WriteLine("| metric | value |");
            Console.WriteLine("|---|---:|");
            Console.WriteLine($"| turns | {turns} |");
            Console.WriteLine($"| CPU per turn (µs, all threads) | {cpuPerTurn:F0} |");
            Console.WriteLine($"| turns/s | {turns / elapsed.TotalSeconds:F0} |");
            Console.WriteLine($"| conversation row, mean state bytes | {await ScalarAsync(options, "SELECT avg(length(state)) FROM conversations"):F0} |");
            Console.WriteLine($"| database + WAL bytes per turn | {FileBytes(folder) / (double)(turns + conversations * (turnsPerConversation / 2)):F0} |");
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<int> RunTurnsAsync(IConversationStore store, string prefix, int conversations, int turnsPerConversation, int parallel)
    {
        var next = -1;
        var workers = Enumerable.Range(0, parallel).Select(_ => Task.Run(async () =>
        {
            int conversation;
            while ((conversation = Interlocked.Increment(ref next)) < conversations)
                for (var turn = 0; turn < turnsPerConversation; turn++)
                    await TurnAsync(store, $"{prefix}-{conversation}", turn);
        }));
        await Task.WhenAll(workers);
        return conversations * turnsPerConversation;
    }

    private static async Task TurnAsync(IConversationStore store, string conversationId, int turn)
    {
        var user = "u-" + conversationId;
        var messageId = $"{conversationId}-{turn}";
        if (await store.FindReplyAsync("api", user, messageId, CancellationToken.None) is not null)
            throw new InvalidOperationException($"Message {messageId} was already processed.");
        var at = T0.AddMinutes(turn);
        var state = await store.FindAsync(conversationId, CancellationToken.None) ?? NewConversation(conversationId, user, at);
        state.UpdatedAt = at;
        state.Task!.Slots["amount"] = (1000 + turn).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var markdown = Replies[turn % Replies.Length];
        state.Remember($"第{turn}个问题：公积金提取需要什么材料？", markdown, at);
        var reply = new Reply(conversationId, markdown, [], ["确认提交"], null, Handoff: false)
        {
            Facts = new TurnFacts(TurnOutcomes.Grounded, HandedOff: false, new TaskFacts("fund_withdrawal", "t1", "collecting", "bank_card", false, true)),
        };
        await store.SaveTurnAsync(state, messageId, reply, CancellationToken.None);
    }

    private static ConversationState NewConversation(string id, string user, DateTimeOffset at) => new()
    {
        ConversationId = id,
        UserId = user,
        Channel = "api",
        CreatedAt = at,
        UpdatedAt = at,
        Task = new TaskInstance { Id = "t1", Name = "fund_withdrawal", Slots = { ["id_number"] = "130402199003074510" }, PendingSlot = "bank_card" },
    };

    private static async Task<double> ScalarAsync(IOptions<StateOptions> options, string sql)
    {
        await using var connection = new SqliteConnection(options.Value.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToDouble(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static long FileBytes(string folder) => new[] { "state.db", "state.db-wal" }
        .Select(name => Path.Combine(folder, name)).Where(File.Exists).Sum(path => new FileInfo(path).Length);
}
