using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ServiceBot.Server.Tests.WeChat;

/// <summary>One request a <see cref="CaptureServer"/> received; <see cref="RawTarget"/> is the path and query as sent, still encoded.</summary>
public sealed record CapturedRequest(string Method, string Path, string RawTarget, IReadOnlyDictionary<string, string> Query, string? Authorization, string Body);

public sealed record CapturedResponse(int Status, string Body, string ContentType = "application/json");

/// <summary>
/// A tiny Kestrel app on 127.0.0.1 standing in for a remote service (WeChat's API, a Bot Framework serviceUrl,
/// OpenID metadata): it records every request and answers through <see cref="Respond"/>.
/// </summary>
public sealed class CaptureServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<CapturedRequest> _requests = new();
    private WebApplication _app = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public Func<CapturedRequest, CapturedResponse> Respond { get; set; } = _ => new(200, "{}");

    public IReadOnlyList<CapturedRequest> Requests => [.. _requests];

    public static async Task<CaptureServer> StartAsync()
    {
        var server = new CaptureServer();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        server._app = builder.Build();
        server._app.Run(server.HandleAsync);
        await server._app.StartAsync();
        var address = server._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server.BaseAddress = new Uri(address.TrimEnd('/') + "/");
        return server;
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        var captured = new CapturedRequest(
            context.Request.Method,
            context.Request.Path.Value ?? "",
            context.Features.Get<IHttpRequestFeature>()!.RawTarget,
            context.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString()),
            context.Request.Headers.Authorization.ToString() is { Length: > 0 } auth ? auth : null,
            body);
        _requests.Enqueue(captured);
        var response = Respond(captured);
        context.Response.StatusCode = response.Status;
        context.Response.ContentType = response.ContentType;
        await context.Response.WriteAsync(response.Body);
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
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
