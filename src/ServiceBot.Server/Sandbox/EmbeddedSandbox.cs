using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ServiceBot.Backend;

namespace ServiceBot.Server.Sandbox;

/// <summary>
/// The built-in sandbox backend on a private loopback port, for an in-process conversation engine with no
/// <c>Backend:BaseUrl</c> (the CLI chat, the answer benchmark): the same routes and rules the server serves under /sandbox/api.
/// </summary>
public sealed class EmbeddedSandbox : IBackendAddressProvider, IAsyncDisposable
{
    private readonly WebApplication _app;

    private EmbeddedSandbox(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public Uri? GetBaseAddress() => Address;

    public static async Task<EmbeddedSandbox> StartAsync(IConfiguration configuration, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddConfiguration(configuration);
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddSandbox(builder.Configuration);
        var app = builder.Build();
        app.MapSandbox();
        await app.StartAsync(cancellationToken);
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new EmbeddedSandbox(app, new Uri(bound.TrimEnd('/') + SandboxServiceCollectionExtensions.ApiPrefix + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
