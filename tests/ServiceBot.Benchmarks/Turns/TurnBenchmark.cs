using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using ServiceBot.Benchmarks.Retrieval;
using ServiceBot.Retrieval.Evaluation;

namespace ServiceBot.Benchmarks.Turns;

/// <summary>
/// Offline turn throughput and latency over HTTP on loopback. A bounded load generator (fixed
/// virtual users, fixed number of dialogues, hard time limit) drives scripted dialogues through
/// POST /api/chat, and the same generator hits GET /healthz as the peer: the floor that HTTP on
/// this machine costs, so the ratio isolates the engine's own cost. This is the closed loop (each user waits for its
/// reply); <c>--open-loop</c> runs <see cref="OpenLoopBenchmark"/> instead.
/// </summary>
public static class TurnBenchmark
{
    internal static readonly string[][] Dialogues =
    [
        ["骑手的休息权有保障吗？"],
        ["我想提取公积金", "130402199003074510", "租房", "3000元", "6217001234567890122", "确认"],
        ["邯郸有哪些骑手驿站"],
        ["公司拖欠工资怎么办？", "谢谢"],
        ["我要把社保从邯郸转到杭州，身份证130402199003074510，养老保险", "确认"],
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Contains("--open-loop")) return await OpenLoopBenchmark.RunAsync(args);
        var users = ReadOption(args, "--users", 8);
        var rounds = ReadOption(args, "--rounds", 10);
        var limit = TimeSpan.FromSeconds(ReadOption(args, "--max-seconds", 120));
        var root = RepositoryPaths.FindRoot();

        await using var server = await ServerProcess.StartAsync(root, new Dictionary<string, string>());
        using var client = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        // Untimed: both sides warm at the measured concurrency, so JIT, index loading and SQLite are out of the measurement.
        await TurnWarmup.RunAsync(client, users, $"{users} users");
        await server.WaitUntilQuietAsync(TimeSpan.FromSeconds(30));
        await Task.WhenAll(Enumerable.Range(0, users).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < 500; i++) (await client.GetAsync("healthz")).EnsureSuccessStatusCode();
        })));

        var peer = await MeasureAsync(users, limit, async (_, latencies) =>
        {
            for (var i = 0; i < rounds * Dialogues.Sum(d => d.Length); i++)
            {
                var clock = Stopwatch.StartNew();
                (await client.GetAsync("healthz")).EnsureSuccessStatusCode();
                latencies.Add(clock.Elapsed.TotalMilliseconds);
            }
        });
        var byDialogue = new ConcurrentBag<(int Dialogue, double Milliseconds)>();
        var cpuBefore = server.CpuTime();
        var turns = await MeasureAsync(users, limit, (user, latencies) =>
            RunDialoguesAsync(client, $"bench-{user}", rounds, limit, latencies, byDialogue));
        var cpuPerTurn = (server.CpuTime() - cpuBefore).TotalMilliseconds / turns.Count;

        Console.WriteLine($"## Turns over HTTP on loopback: {users} virtual users × {rounds} rounds of {Dialogues.Length} dialogues");
        Console.WriteLine();
        Console.WriteLine("| metric | POST /api/chat (turn) | GET /healthz (peer) | ratio |");
        Console.WriteLine("|---|---:|---:|---:|");
        Console.WriteLine($"| requests | {turns.Count} | {peer.Count} | |");
        Console.WriteLine($"| throughput (req/s) | {turns.Throughput:F0} | {peer.Throughput:F0} | {turns.Throughput / peer.Throughput:F2} |");
        Console.WriteLine($"| latency p50 (ms) | {turns.Latency.P50:F2} | {peer.Latency.P50:F2} | {turns.Latency.P50 / peer.Latency.P50:F1} |");
        Console.WriteLine($"| latency p99 (ms) | {turns.Latency.P99:F2} | {peer.Latency.P99:F2} | {turns.Latency.P99 / peer.Latency.P99:F1} |");
        Console.WriteLine($"| latency p99.9 (ms) | {turns.P999:F2} | {peer.P999:F2} | {turns.P999 / peer.P999:F1} |");
        Console.WriteLine();
        Console.WriteLine($"Server CPU per turn: {cpuPerTurn:F2} ms (all threads, thread-pool spinning included).");
        Console.WriteLine();
        Console.WriteLine("| dialogue | turns | p50 (ms) | p99 (ms) |");
        Console.WriteLine("|---|---:|---:|---:|");
        foreach (var group in byDialogue.GroupBy(t => t.Dialogue).OrderBy(g => g.Key))
        {
            var latency = LatencySummary.From(group.Select(t => t.Milliseconds));
            Console.WriteLine($"| {Dialogues[group.Key][0]} | {latency.Count} | {latency.P50:F2} | {latency.P99:F2} |");
        }
        return 0;
    }

    internal sealed record Measurement(int Count, double Throughput, LatencySummary Latency, double P999);

    internal static async Task<Measurement> MeasureAsync(int users, TimeSpan limit, Func<int, ConcurrentBag<double>, Task> work)
    {
        var latencies = new ConcurrentBag<double>();
        var clock = Stopwatch.StartNew();
        var all = Task.WhenAll(Enumerable.Range(0, users).Select(u => Task.Run(() => work(u, latencies))));
        if (await Task.WhenAny(all, Task.Delay(limit + TimeSpan.FromSeconds(30))) != all)
            throw new TimeoutException("the load generator exceeded its time limit");
        await all;
        var elapsed = clock.Elapsed.TotalSeconds;
        var sorted = latencies.ToArray();
        Array.Sort(sorted);
        return new Measurement(sorted.Length, sorted.Length / elapsed, LatencySummary.From(sorted), LatencySummary.Percentile(sorted, 99.9));
    }

    private static Task RunDialoguesAsync(HttpClient client, string user, int rounds, TimeSpan limit, ConcurrentBag<double> latencies,
        ConcurrentBag<(int Dialogue, double Milliseconds)> byDialogue) =>
        RunDialoguesAsync(() => client, user, rounds, limit, latencies, byDialogue);

    /// <param name="nextClient">The server for each turn: always the same one, or the next replica as a load balancer picks it.</param>
    internal static async Task RunDialoguesAsync(Func<HttpClient> nextClient, string user, int rounds, TimeSpan limit, ConcurrentBag<double> latencies,
        ConcurrentBag<(int Dialogue, double Milliseconds)> byDialogue)
    {
        var deadline = Stopwatch.StartNew();
        for (var round = 0; round < rounds && deadline.Elapsed < limit; round++)
        {
            // Each round is one user; after the first turn every turn carries the token it returned, as a browser does.
            var token = (string?)null;
            foreach (var dialogue in Dialogues)
            {
                var conversation = (string?)null;
                for (var turn = 0; turn < dialogue.Length; turn++)
                {
                    var clock = Stopwatch.StartNew();
                    using var request = ChatRequestBody.Create(new
                    {
                        userId = $"{user}-{round}",
                        conversationId = conversation,
                        messageId = $"{user}-{round}-{Array.IndexOf(Dialogues, dialogue)}-{turn}",
                        text = dialogue[turn],
                        userToken = token,
                    });
                    var response = await nextClient().PostAsync("api/chat", request);
                    response.EnsureSuccessStatusCode();
                    using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                    latencies.Add(clock.Elapsed.TotalMilliseconds);
                    byDialogue.Add((Array.IndexOf(Dialogues, dialogue), clock.Elapsed.TotalMilliseconds));
                    conversation = body.RootElement.GetProperty("conversationId").GetString();
                    token = body.RootElement.GetProperty("userToken").GetString();
                }
            }
        }
    }

    internal static int ReadOption(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var value) && value > 0 ? value : fallback;
    }
}
