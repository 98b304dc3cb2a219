using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ServiceBot.Server.Tests.Chat;

/// <summary>
/// The built server as a real operating-system process, so a test can kill it abruptly (no graceful
/// shutdown) and start it again on the same files.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output;

    private ServerProcess(Process process, HttpClient http, ConcurrentQueue<string> output)
    {
        _process = process;
        Http = http;
        _output = output;
    }

    public HttpClient Http { get; }

    /// <summary>Every line the process wrote to standard output and error so far (its console log).</summary>
    public IReadOnlyCollection<string> Output => _output;

    /// <summary>
    /// Settings that keep a server's state, sandbox and index inside <paramref name="directory"/>, with the repository's
    /// knowledge and warnings-only logs; a test adds its own keys to the returned dictionary.
    /// </summary>
    public static Dictionary<string, string> SettingsIn(string directory) => new()
    {
        ["State__ConnectionString"] = $"Data Source={Path.Combine(directory, "state.db")}",
        ["Sandbox__ConnectionString"] = $"Data Source={Path.Combine(directory, "sandbox.db")}",
        ["Index__Path"] = Path.Combine(directory, "index"),
        ["Knowledge__Paths__0"] = RepositoryPaths.Knowledge,
        ["Logging__LogLevel__Default"] = "Warning",
    };

    /// <param name="workingDirectory">Where the process starts; the repository root unless given.</param>
    public static async Task<ServerProcess> StartAsync(IReadOnlyDictionary<string, string> environment, string? workingDirectory = null)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory ?? RepositoryPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(RepositoryPaths.ServerDll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        foreach (var (key, value) in environment) start.Environment[key] = value;
        var process = Process.Start(start)!;
        var output = new ConcurrentQueue<string>();
        process.OutputDataReceived += (_, line) => { if (line.Data is not null) output.Enqueue(line.Data); };
        process.ErrorDataReceived += (_, line) => { if (line.Data is not null) output.Enqueue(line.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(30) };
        var server = new ServerProcess(process, http, output);
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited) throw new InvalidOperationException($"the server exited with code {process.ExitCode}");
            try
            {
                using var health = await http.GetAsync("healthz");
                if (health.IsSuccessStatusCode) return server;
            }
            catch (HttpRequestException) { }
            await Task.Delay(200);
        }
        await server.DisposeAsync();
        throw new TimeoutException("the server did not report ready within 2 minutes");
    }

    /// <summary>Ends the process at once, as a crash or kill -9 would.</summary>
    public async Task KillAsync()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await KillAsync();
        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
