using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using ServiceBot.Backend;

namespace ServiceBot.Server.Sandbox;

/// <summary>
/// Points the backend plugins at this server's own sandbox when <c>Backend:BaseUrl</c> is unset. The port is
/// only known once Kestrel has bound (it follows <c>--urls</c> and may be 0), so the address is read from the
/// server once it has bound rather than fixed in configuration. The calls themselves run in process
/// (<see cref="InProcessSandboxHandler"/>) through the same pipeline an HTTP caller on loopback goes through.
/// </summary>
public sealed class SandboxBackendAddress(IServer server, IOptions<SandboxOptions> options, SandboxPipeline pipeline) : IBackendAddressProvider
{
    private IReadOnlyDictionary<string, string>? _headers;
    private Uri? _address;

    /// <summary>The key lets the bot's calls through whatever address the server is bound to, and unmasks reads.</summary>
    public IReadOnlyDictionary<string, string> GetHeaders() =>
        _headers ??= new Dictionary<string, string> { [SandboxAccess.KeyHeader] = options.Value.ApiKey! };

    // A bound address does not change while the server runs, so it is read once.
    public Uri? GetBaseAddress() => _address ??= ReadBoundAddress();

    public HttpMessageHandler? CreateTransport() => pipeline.IsReady ? new InProcessSandboxHandler(pipeline) : null;

    private Uri? ReadBoundAddress()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses;
        var bound = addresses?.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) ?? addresses?.FirstOrDefault();
        if (bound is null) return null;
        // Wildcard bindings are not addresses a client can call; the loopback reaches the same listener.
        var callable = bound.Replace("://0.0.0.0", "://127.0.0.1", StringComparison.Ordinal)
            .Replace("://[::]", "://[::1]", StringComparison.Ordinal)
            .Replace("://+", "://localhost", StringComparison.Ordinal)
            .Replace("://*", "://localhost", StringComparison.Ordinal);
        return Uri.TryCreate(callable.TrimEnd('/') + SandboxServiceCollectionExtensions.ApiPrefix + "/", UriKind.Absolute, out var uri) ? uri : null;
    }
}
