using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ServiceBot.Server.Tests.WeChat;

/// <summary>One request a <see cref="CaptureServer"/> received; <see cref="RawTarget"/> is the path and query as sent, still encoded.</summary>
public sealed record CapturedRequest(string Method, string Path, string RawTarget, IReadOnlyDictionary<string, string> Query, string? Authorization, string Body);

public sealed record CapturedResponse(int Status, string Body, string ContentType = "application/json", string? Location = null);

/// <summary>
/// An <see cref="HttpListener"/> on 127.0.0.1 standing in for a remote service (WeChat's API, a Bot Framework
/// serviceUrl, OpenID metadata): it records every request and answers through <see cref="Respond"/>. It is not an
/// ASP.NET host on purpose: WebApplicationFactory intercepts hosts built while it starts, and tests run in parallel.
/// </summary>
public sealed class CaptureServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<CapturedRequest> _requests = new();
    private readonly HttpListener _listener = new();
    private Task _loop = Task.CompletedTask;

    public Uri BaseAddress { get; private set; } = null!;

    public Func<CapturedRequest, CapturedResponse> Respond { get; set; } = _ => new(200, "{}");

    public IReadOnlyList<CapturedRequest> Requests => [.. _requests];

    public static Task<CaptureServer> StartAsync()
    {
        var server = new CaptureServer();
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        server.BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        server._listener.Prefixes.Add(server.BaseAddress.ToString());
        server._listener.Start();
        server._loop = Task.Run(server.LoopAsync);
        return Task.FromResult(server);
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException) { return; }
            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var request = context.Request;
        using var reader = new StreamReader(request.InputStream, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var query = request.QueryString.AllKeys.Where(k => k is not null).ToDictionary(k => k!, k => request.QueryString[k] ?? "");
        var captured = new CapturedRequest(request.HttpMethod, request.Url!.AbsolutePath, request.RawUrl ?? "", query, request.Headers["Authorization"], body);
        _requests.Enqueue(captured);

        var response = Respond(captured);
        var bytes = Encoding.UTF8.GetBytes(response.Body);
        context.Response.StatusCode = response.Status;
        context.Response.ContentType = response.ContentType;
        if (response.Location is not null) context.Response.RedirectLocation = response.Location;
        context.Response.ContentLength64 = bytes.Length;
        await context.Response.OutputStream.WriteAsync(bytes);
        context.Response.Close();
    }

    public int Count(Func<CapturedRequest, bool> match) => _requests.Count(match);

    /// <summary>Waits until <paramref name="count"/> requests match, then returns them in arrival order.</summary>
    public async Task<IReadOnlyList<CapturedRequest>> WaitForAsync(Func<CapturedRequest, bool> match, int count = 1, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var found = _requests.Where(match).ToList();
            if (found.Count >= count) return found;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Expected {count} matching request(s), got {found.Count}; received: {string.Join(", ", _requests.Select(r => r.Method + " " + r.RawTarget))}");
            await Task.Delay(25);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop;
    }
}
