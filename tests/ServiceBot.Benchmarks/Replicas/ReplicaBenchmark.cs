using System.Collections.Concurrent;
using System.Security.Cryptography;
using Npgsql;
using ServiceBot.Benchmarks.Retrieval;
using ServiceBot.Benchmarks.Turns;

namespace ServiceBot.Benchmarks.Replicas;

/// <summary>
/// Turn throughput and latency for three setups in one run, with the turns benchmark's dialogues and load generator:
/// one process on the embedded SQLite defaults (the peer), one replica on PostgreSQL, and three replicas on
/// PostgreSQL with every turn sent to the next replica as a load balancer would. Both PostgreSQL setups call the
/// sandbox backend in a process of its own (one writer, so its tickets stay in its SQLite file), so they differ only
/// in the replica count.
/// </summary>
public static class ReplicaBenchmark
{
    public const string PostgresVariable = "SERVICEBOT_TEST_POSTGRES";

    public const string Usage = "replicas [--postgres CONNECTION-STRING] [--users N] [--rounds N] [--max-seconds N]   (the connection string may come from " + PostgresVariable + "; its user must be allowed to CREATE DATABASE)";

    private sealed record Setup(string Name, int Replicas, TurnBenchmark.Measurement Turns);

    public static async Task<int> RunAsync(string[] args)
    {
        var postgres = ReadText(args, "--postgres") ?? Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(postgres))
        {
            Console.Error.WriteLine($"error: replicas needs a PostgreSQL server: pass --postgres or set {PostgresVariable}.\nusage: {Usage}");
            return 2;
        }
        try
        {
            _ = new NpgsqlConnectionStringBuilder(postgres);
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine($"error: the PostgreSQL connection string is not valid: {ex.Message}");
            return 2;
        }
        var users = TurnBenchmark.ReadOption(args, "--users", 8);
        var rounds = TurnBenchmark.ReadOption(args, "--rounds", 5);
        var limit = TimeSpan.FromSeconds(TurnBenchmark.ReadOption(args, "--max-seconds", 120));
        var root = RepositoryPaths.FindRoot();

        var setups = new List<Setup>();
        try
        {
            setups.Add(new("1 replica, SQLite", 1, await MeasureSqliteAsync(root, users, rounds, limit)));
            setups.Add(new("1 replica, PostgreSQL", 1, await MeasurePostgresAsync(root, postgres, 1, users, rounds, limit)));
            setups.Add(new("3 replicas, PostgreSQL", 3, await MeasurePostgresAsync(root, postgres, 3, users, rounds, limit)));
        }
        catch (NpgsqlException ex)
        {
            Console.Error.WriteLine($"error: PostgreSQL refused the benchmark's database: {ex.Message}");
            return 2;
        }

        var peer = setups[0].Turns;
        Console.WriteLine($"## Turns across replicas: {users} virtual users × {rounds} rounds of {TurnBenchmark.Dialogues.Length} dialogues ({Environment.ProcessorCount} cores)");
        Console.WriteLine();
        Console.WriteLine("| setup | turns | turns/s | p50 (ms) | p99 (ms) | turns/s vs 1×SQLite | p99 vs 1×SQLite |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var setup in setups)
        {
            var turns = setup.Turns;
            Console.WriteLine($"| {setup.Name} | {turns.Count} | {turns.Throughput:F0} | {turns.Latency.P50:F1} | {turns.Latency.P99:F1} | {turns.Throughput / peer.Throughput:F2} | {turns.Latency.P99 / peer.Latency.P99:F2} |");
        }
        Console.WriteLine();
        Console.WriteLine($"3 replicas vs 1 on PostgreSQL: turns/s ×{setups[2].Turns.Throughput / setups[1].Turns.Throughput:F2}, p99 ×{setups[2].Turns.Latency.P99 / setups[1].Turns.Latency.P99:F2}");
        return 0;
    }

    private static async Task<TurnBenchmark.Measurement> MeasureSqliteAsync(string root, int users, int rounds, TimeSpan limit)
    {
        await using var server = await ServerProcess.StartAsync(root, new Dictionary<string, string>());
        return await MeasureAsync([server], users, rounds, limit);
    }

    private static async Task<TurnBenchmark.Measurement> MeasurePostgresAsync(string root, string admin, int replicaCount, int users, int rounds, TimeSpan limit)
    {
        await using var database = await BenchmarkDatabase.CreateAsync(admin);
        var sandboxKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24));
        await using var sandbox = await ServerProcess.StartAsync(root, new Dictionary<string, string>
        {
            ["Sandbox__ApiKey"] = sandboxKey,
            ["Sandbox__Provider"] = "postgres",
            ["Sandbox__ConnectionString"] = database.ConnectionString,
        });
        var replicaSettings = new Dictionary<string, string>
        {
            ["State__Provider"] = "postgres",
            ["State__ConnectionString"] = database.ConnectionString,
            ["Sandbox__Enabled"] = "false",
            ["Backend__BaseUrl"] = new Uri(sandbox.BaseAddress, "sandbox/api/").AbsoluteUri,
            ["Backend__Headers__X-Sandbox-Key"] = sandboxKey,
            ["Chat__TokenSecret"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        };
        var replicas = new List<ServerProcess>();
        try
        {
            // One at a time: the first applies the migration, and the knowledge indexing of several at once would crowd a small machine.
            for (var i = 0; i < replicaCount; i++) replicas.Add(await ServerProcess.StartAsync(root, replicaSettings));
            return await MeasureAsync(replicas, users, rounds, limit);
        }
        finally
        {
            foreach (var replica in replicas) await replica.DisposeAsync();
        }
    }

    private static async Task<TurnBenchmark.Measurement> MeasureAsync(IReadOnlyList<ServerProcess> replicas, int users, int rounds, TimeSpan limit)
    {
        var clients = replicas.Select(r => new HttpClient { BaseAddress = r.BaseAddress, Timeout = TimeSpan.FromSeconds(30) }).ToList();
        try
        {
            var next = -1;
            HttpClient NextClient() => clients[(int)((uint)Interlocked.Increment(ref next) % clients.Count)];
            // Warm-up: every replica answers every dialogue once, so JIT and connection pools are out of the measurement.
            foreach (var client in clients)
                await TurnBenchmark.RunDialoguesAsync(() => client, $"warmup-{Guid.NewGuid():N}", 1, TimeSpan.FromMinutes(2), [], []);
            var run = Guid.NewGuid().ToString("N")[..8];
            return await TurnBenchmark.MeasureAsync(users, limit, (user, latencies) =>
                TurnBenchmark.RunDialoguesAsync(NextClient, $"bench-{run}-{user}", rounds, limit, latencies, new ConcurrentBag<(int, double)>()));
        }
        finally
        {
            foreach (var client in clients) client.Dispose();
        }
    }

    private static string? ReadText(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
