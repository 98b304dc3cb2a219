using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using ServiceBot.Backend;

namespace ServiceBot.Server.Sandbox;

/// <summary>
/// Points the backend plugins at this server's own sandbox when <c>Backend:BaseUrl</c> is unset. The port is
/// only known once Kestrel has bound (it follows <c>--urls</c> and may be 0), so the address is read from the
/// server on each call rather than fixed in configuration.
/// </summary>
public sealed class SandboxBackendAddress(IServer server, IOptions<SandboxOptions> options) : IBackendAddressProvider
{
    /// <summary>The key lets the bot's calls through whatever address the server is bound to, and unmasks reads.</summary>
    public IReadOnlyDictionary<string, string> GetHeaders() => new Dictionary<string, string> { [SandboxAccess.KeyHeader] = options.Value.ApiKey! };

    public Uri? GetBaseAddress()
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
