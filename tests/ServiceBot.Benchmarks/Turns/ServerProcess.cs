using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ServiceBot.Benchmarks.Turns;

/// <summary>The built server started as a real process on a free loopback port, with its state in a temp folder.</summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _stateFolder;

    private ServerProcess(Process process, Uri baseAddress, string stateFolder)
    {
        _process = process;
        BaseAddress = baseAddress;
        _stateFolder = stateFolder;
    }

    public Uri BaseAddress { get; }

    /// <summary>The server's resident memory in bytes (Linux <c>VmRSS</c>).</summary>
    public long ResidentBytes()
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) * 1024;
    }

    /// <summary>
    /// CPU time the server has used so far, all threads. Per turn it tells the turn's own cost apart from waiting for a
    /// core, which on a shared machine is most of the latency; contention still inflates it somewhat (cache misses, spinning).
    /// </summary>
    public TimeSpan CpuTime()
    {
        _process.Refresh();
        return _process.TotalProcessorTime;
    }

    // A server doing nothing burns a few ms of CPU a second (timers); above this it is still compiling.
    private const double QuietCpuMillisecondsPerSecond = 30;

    /// <summary>
    /// Waits, after a warm-up, until the server's CPU with no request falls below <see cref="QuietCpuMillisecondsPerSecond"/>
    /// (one-second samples, at most <paramref name="limit"/>): tiered compilation goes on in the background after the
    /// warm-up's latencies settle, and its CPU would otherwise be charged to the first measured turns. Returns how long it took.
    /// </summary>
    public async Task<TimeSpan> WaitUntilQuietAsync(TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            var before = CpuTime();
            await Task.Delay(TimeSpan.FromSeconds(1));
            if ((CpuTime() - before).TotalMilliseconds < QuietCpuMillisecondsPerSecond) break;
        }
        return clock.Elapsed;
    }

    public static async Task<ServerProcess> StartAsync(string repositoryRoot, IReadOnlyDictionary<string, string> environment)
    {
        var dll = Path.Combine(repositoryRoot, "src", "ServiceBot.Server", "bin", "Release", "net10.0", "ServiceBot.Server.dll");
        if (!File.Exists(dll))
            throw new FileNotFoundException($"build the server first: dotnet build src/ServiceBot.Server -c Release ({dll})");
        var port = FreePort();
        var state = Path.Combine(Path.GetTempPath(), "servicebot-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(state);
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = repositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        start.Environment["State__ConnectionString"] = $"Data Source={Path.Combine(state, "state.db")}";
        start.Environment["Sandbox__ConnectionString"] = $"Data Source={Path.Combine(state, "sandbox.db")}";
        start.Environment["Index__Path"] = Path.Combine(state, "index");
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in environment) start.Environment[key] = value;

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new ServerProcess(process, new Uri($"http://127.0.0.1:{port}/"), state);
        using var client = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited) throw new InvalidOperationException($"the server exited with code {process.ExitCode}");
            try
            {
                if ((await client.GetAsync("healthz")).IsSuccessStatusCode) return server;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(250);
        }
        await server.DisposeAsync();
        throw new TimeoutException("the server did not become healthy within 3 minutes");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        try { Directory.Delete(_stateFolder, recursive: true); } catch (IOException) { }
    }
}
