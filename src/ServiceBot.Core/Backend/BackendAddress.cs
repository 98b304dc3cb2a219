using Microsoft.Extensions.Options;

namespace ServiceBot.Backend;

/// <summary>Resolves the backend root: the configured <c>Backend:BaseUrl</c>, else the first provider that knows one.</summary>
public sealed class BackendAddress(IOptions<BackendOptions> options, IEnumerable<IBackendAddressProvider> providers)
{
    public Uri Resolve()
    {
        var configured = options.Value.BaseUrl;
        var root = !string.IsNullOrWhiteSpace(configured)
            ? new Uri(configured, UriKind.Absolute)
            : providers.Select(p => p.GetBaseAddress()).FirstOrDefault(u => u is not null)
              ?? throw new InvalidOperationException("Backend:BaseUrl is not configured and the built-in sandbox has no address yet (the server has not started listening).");
        // Client paths are relative, so the root must end with a slash or its last segment would be dropped.
        return root.AbsoluteUri.EndsWith('/') ? root : new Uri(root.AbsoluteUri + "/");
    }
}
