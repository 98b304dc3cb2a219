using System.Globalization;
using System.Net;
using ServiceBot.Benchmarks.Retrieval;

namespace ServiceBot.Benchmarks.Turns;

/// <summary>
/// <c>turns --open-loop</c>: the turn dialogues at fixed offered rates (<see cref="OpenLoopRun"/>), each rate once for
/// <c>POST /api/chat</c> and once for <c>GET /healthz</c> (the floor HTTP costs here), then optionally a search for the
/// highest rate whose p99 stays under the bound with no error.
/// </summary>
internal static class OpenLoopBenchmark
{
    // The search stops once the passing and failing rates are this close.
    private const double SearchPrecision = 1.1;
    private const int MaximumProbes = 8;

    // Below this a 10-second probe has too few arrivals for its p99 to mean anything.
    private const double LowestProbe = 20;

    public static async Task<int> RunAsync(string[] args)
    {
        var rates = ReadRates(args);
        if (rates is null)
        {
            Console.Error.WriteLine("error: --rates takes positive numbers separated by commas, e.g. --rates 200,500,1000,2000");
            return 2;
        }
        var duration = TimeSpan.FromSeconds(TurnBenchmark.ReadOption(args, "--seconds", 10));
        var bound = TurnBenchmark.ReadOption(args, "--p99-ms", 50);
        var findMax = args.Contains("--find-max");

        await using var server = await ServerProcess.StartAsync(RepositoryPaths.FindRoot(), new Dictionary<string, string>());
        using var handler = CreateHandler();
        using var client = new HttpClient(handler, disposeHandler: false)
        {
            BaseAddress = server.BaseAddress,
            // A turn later than this is an error, not a latency.
            Timeout = TimeSpan.FromSeconds(5),
        };
        // The warm-up's first turns wait for the JIT and the index; they must not fail on the measurement's timeout.
        using (var warmup = new HttpClient(handler, disposeHandler: false) { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromMinutes(2) })
            await TurnWarmup.RunAsync(warmup, users: 16, "open loop");
        var quiet = await server.WaitUntilQuietAsync(TimeSpan.FromSeconds(30));
        Console.Error.WriteLine($"server quiet {quiet.TotalSeconds:F0} s after the warm-up");

        // What the server burns with no request at all (timers, background compilation still running after the
        // warm-up): every per-turn figure below carries its share, larger at lower rates.
        var idleBefore = await IdleCpuAsync(server);
        var measured = new List<MeasuredRate>();
        var cpuBefore = server.CpuTime();
        foreach (var rate in rates)
            measured.Add(await MeasureRateAsync(server, client, rate, duration, measured.Count));
        var cpuPerTurnAllRuns = (server.CpuTime() - cpuBefore).TotalMilliseconds / measured.Sum(m => m.Chat.Completed);
        var idleAfter = await IdleCpuAsync(server);

        Console.WriteLine($"## Open loop over HTTP on loopback: {duration.TotalSeconds:F0} s per rate, arrivals on a fixed schedule, latency from each arrival's due time");
        Console.WriteLine();
        Console.WriteLine("| offered (req/s) | /api/chat p50 (ms) | p99 (ms) | p99.9 (ms) | errors | /healthz p50 (ms) | p99 (ms) | p99.9 (ms) | errors |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (chat, health, _, _) in measured)
            Console.WriteLine($"| {chat.OfferedRate:N0} | {chat.P50:F1} | {chat.P99:F1} | {chat.P999:F1} | {chat.Errors} of {chat.Scheduled} "
                + $"| {health.P50:F1} | {health.P99:F1} | {health.P999:F1} | {health.Errors} of {health.Scheduled} |");

        Console.WriteLine();
        Console.WriteLine("CPU sampled around each run alone: the server's per completed request, the load generator's (this process) per scheduled arrival:");
        Console.WriteLine();
        Console.WriteLine("| offered (req/s) | server CPU per turn (ms) | client CPU per turn (ms) | turns/s both allow | server CPU per /healthz (ms) | client CPU per /healthz (ms) |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|");
        foreach (var rate in measured)
        {
            var serverPerTurn = rate.ChatCpu.ServerPerRequest(rate.Chat);
            var clientPerTurn = rate.ChatCpu.ClientPerRequest(rate.Chat);
            Console.WriteLine($"| {rate.Chat.OfferedRate:N0} | {serverPerTurn:F3} | {clientPerTurn:F3} | {Environment.ProcessorCount * 1000 / (serverPerTurn + clientPerTurn):N0} "
                + $"| {rate.HealthCpu.ServerPerRequest(rate.Health):F3} | {rate.HealthCpu.ClientPerRequest(rate.Health):F3} |");
        }
        Console.WriteLine();
        Console.WriteLine($"Over all runs (health probes and pauses included, as earlier rounds reported): {cpuPerTurnAllRuns:F2} ms per completed turn.");
        Console.WriteLine($"Idle server CPU, {IdleSample.TotalSeconds:F0} s with no request: {idleBefore:F1} ms per second before the runs, {idleAfter:F1} after.");

        if (findMax)
        {
            Console.WriteLine();
            await FindMaximumAsync(server, client, measured.Select(m => m.Chat).ToList(), bound, duration, measured.Count);
        }
        return 0;
    }

    /// <summary>One offered rate: the chat run and the health run, each with the server CPU spent while it ran.</summary>
    private sealed record MeasuredRate(OpenLoopRun.Result Chat, OpenLoopRun.Result Health, RunCpu ChatCpu, RunCpu HealthCpu);

    /// <summary>
    /// CPU spent while one run went on: the server's (all its threads) and the load generator's own (this process, all
    /// threads), which shares the same cores and so caps the rate the server can be offered.
    /// </summary>
    private sealed record RunCpu(TimeSpan Server, TimeSpan Client)
    {
        public double ServerPerRequest(OpenLoopRun.Result run) => Server.TotalMilliseconds / Math.Max(1, run.Completed);

        public double ClientPerRequest(OpenLoopRun.Result run) => Client.TotalMilliseconds / Math.Max(1, run.Scheduled);
    }

    private static async Task<MeasuredRate> MeasureRateAsync(ServerProcess server, HttpClient client, double rate, TimeSpan duration, int run)
    {
        // CPU is sampled around each run alone, so a turn's cost at this rate carries neither the probes nor the pauses.
        var (chat, chatCpu) = await RunWithCpuAsync(server, () => OpenLoopRun.RunAsync(client, OpenLoopTarget.Chat, rate, duration, $"open-{run}"));
        await Task.Delay(TimeSpan.FromSeconds(1));
        var (health, healthCpu) = await RunWithCpuAsync(server, () => OpenLoopRun.RunAsync(client, OpenLoopTarget.Health, rate, duration, $"open-{run}"));
        await Task.Delay(TimeSpan.FromSeconds(1));
        Console.Error.WriteLine($"{rate:F0}/s: chat p99 {chat.P99:F1} ms ({chat.Errors} errors), "
            + $"{chatCpu.ServerPerRequest(chat):F3} ms server CPU and {chatCpu.ClientPerRequest(chat):F3} ms client CPU per turn; healthz p99 {health.P99:F1} ms");
        return new MeasuredRate(chat, health, chatCpu, healthCpu);
    }

    private static readonly TimeSpan IdleSample = TimeSpan.FromSeconds(3);

    /// <summary>The server's CPU per second of wall time while nothing is sent to it.</summary>
    private static async Task<double> IdleCpuAsync(ServerProcess server)
    {
        var before = server.CpuTime();
        await Task.Delay(IdleSample);
        return (server.CpuTime() - before).TotalMilliseconds / IdleSample.TotalSeconds;
    }

    private static async Task<(OpenLoopRun.Result Result, RunCpu Cpu)> RunWithCpuAsync(ServerProcess server, Func<Task<OpenLoopRun.Result>> run)
    {
        var serverBefore = server.CpuTime();
        var clientBefore = Environment.CpuUsage.TotalTime;
        var result = await run();
        return (result, new RunCpu(server.CpuTime() - serverBefore, Environment.CpuUsage.TotalTime - clientBefore));
    }

    /// <summary>
    /// Steps up from the highest passing rate measured (×1.5) until a rate fails, then bisects between the two. A rate
    /// passes when its p99 is under the bound and no arrival failed.
    /// </summary>
    private static async Task FindMaximumAsync(ServerProcess server, HttpClient client, List<OpenLoopRun.Result> measured, int bound, TimeSpan duration, int run)
    {
        bool Passes(OpenLoopRun.Result r) => r.Errors == 0 && r.P99 < bound;
        var probes = new List<OpenLoopRun.Result>();
        var probeCpu = new List<RunCpu>();
        double? passing = measured.Where(Passes).Select(r => (double?)r.OfferedRate).Max();
        double? failing = measured.Where(r => !Passes(r) && r.OfferedRate > (passing ?? 0)).Select(r => (double?)r.OfferedRate).Min();

        while (probes.Count < MaximumProbes)
        {
            double rate;
            if (passing is null && failing!.Value / 2 < LowestProbe) break;
            if (passing is null) rate = Math.Round(failing!.Value / 2);
            else if (failing is null) rate = Math.Round(passing.Value * 1.5);
            else if (failing.Value / passing.Value > SearchPrecision) rate = Math.Round((passing.Value + failing.Value) / 2);
            else break;
            var (result, cpu) = await RunWithCpuAsync(server, () => OpenLoopRun.RunAsync(client, OpenLoopTarget.Chat, rate, duration, $"search-{run + probes.Count}"));
            await Task.Delay(TimeSpan.FromSeconds(1));
            Console.Error.WriteLine($"search {rate:F0}/s: p99 {result.P99:F1} ms, {result.Errors} errors");
            probes.Add(result);
            probeCpu.Add(cpu);
            if (Passes(result)) passing = rate;
            else failing = rate;
        }

        Console.WriteLine($"### Highest sustainable rate (p99 < {bound} ms, no error)");
        Console.WriteLine();
        Console.WriteLine("| probe (req/s) | p50 (ms) | p99 (ms) | p99.9 (ms) | errors | passes |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---|");
        foreach (var probe in probes)
            Console.WriteLine($"| {probe.OfferedRate:N0} | {probe.P50:F1} | {probe.P99:F1} | {probe.P999:F1} | {probe.Errors} | {(Passes(probe) ? "yes" : "no")} |");
        Console.WriteLine();
        for (var i = 0; i < probes.Count; i++)
            Console.WriteLine($"Probe at {probes[i].OfferedRate:N0}/s: {probeCpu[i].ServerPerRequest(probes[i]):F3} ms of server CPU per completed turn, "
                + $"{probeCpu[i].ClientPerRequest(probes[i]):F3} ms of load-generator CPU per arrival.");
        if (probes.Count > 0) Console.WriteLine();
        Console.WriteLine((passing, failing) switch
        {
            (null, _) => $"Highest sustainable rate: below {failing:N0} turns/s (no probed rate passed).",
            (_, null) => $"Highest sustainable rate: at least {passing:N0} turns/s (no probed rate failed).",
            _ => $"Highest sustainable rate: {passing:N0} turns/s ({failing:N0} turns/s fails).",
        });
    }

    /// <summary>One connection pool for the whole run: connections are opened once and reused, nothing is logged per request.</summary>
    private static SocketsHttpHandler CreateHandler() => new()
    {
        MaxConnectionsPerServer = 1024,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        UseCookies = false,
        AutomaticDecompression = DecompressionMethods.None,
        ConnectTimeout = TimeSpan.FromSeconds(5),
    };

    private static double[]? ReadRates(string[] args)
    {
        var i = Array.IndexOf(args, "--rates");
        if (i < 0) return [200, 500, 1000, 2000];
        if (i + 1 >= args.Length) return null;
        var rates = new List<double>();
        foreach (var part in args[i + 1].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out var rate) || rate <= 0) return null;
            rates.Add(rate);
        }
        return rates.Count > 0 ? rates.ToArray() : null;
    }
}
