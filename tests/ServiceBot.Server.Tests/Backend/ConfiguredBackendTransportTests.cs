using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ServiceBot.Backend;

namespace ServiceBot.Server.Tests.Backend;

/// <summary>With <c>Backend:BaseUrl</c> set, the server calls that backend over real HTTP, never its own sandbox in process.</summary>
public sealed class ConfiguredBackendTransportTests : IAsyncLifetime
{
    private readonly ConcurrentQueue<string> _received = new();
    private WebApplication _backend = null!;
    private ServiceBotServer _server = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        _backend = builder.Build();
        _backend.MapGet("/gov/stations", (HttpContext context) =>
        {
            _received.Enqueue(context.Request.Path + context.Request.QueryString);
            return Results.Json(new[] { new ServiceStation("外部后台服务站", "义乌市", "稠城街道", "外部路 1 号", "9:00-17:00", ["咨询"]) });
        });
        await _backend.StartAsync();
        var address = _backend.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();

        _server = new ServiceBotServer(new Dictionary<string, string> { ["Backend:BaseUrl"] = address.TrimEnd('/') + "/gov/" });
        await _server.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _backend.StopAsync();
        await _backend.DisposeAsync();
    }

    [Fact]
    public async Task FindStations_BaseUrlSet_GoesOverHttpToThatBackend()
    {
        using var scope = _server.Services.CreateScope();
        var plugin = scope.ServiceProvider.GetRequiredService<StationsPlugin>();

        var result = await plugin.FindStationsAsync("义乌市");

        Assert.Null(_server.Services.GetRequiredService<BackendAddress>().CreateTransport());
        Assert.Equal("外部后台服务站", Assert.Single(result.Value!).Name);
        Assert.Equal("/gov/stations?city=%E4%B9%89%E4%B9%8C%E5%B8%82", Assert.Single(_received));
    }
}
