using Microsoft.Extensions.Options;

namespace ServiceBot.Backend;

/// <summary>Resolves the backend root: the configured <c>Backend:BaseUrl</c>, else the first provider that knows one.</summary>
public sealed class BackendAddress(IOptions<BackendOptions> options, IEnumerable<IBackendAddressProvider> providers)
{
    public Uri Resolve() => ResolveTarget().Root;

    /// <summary>
    /// The root, and the headers its provider asks for. A configured <c>Backend:BaseUrl</c> gets only the configured
    /// <c>Backend:Headers</c>: a provider's credentials are meant for its own address only.
    /// </summary>
    public (Uri Root, IReadOnlyDictionary<string, string> Headers) ResolveTarget()
    {
        var configured = options.Value.BaseUrl;
        if (!string.IsNullOrWhiteSpace(configured)) return (WithSlash(new Uri(configured, UriKind.Absolute)), options.Value.Headers);
        foreach (var provider in providers)
            if (provider.GetBaseAddress() is { } root) return (WithSlash(root), provider.GetHeaders());
        throw new InvalidOperationException("Backend:BaseUrl is not configured and the built-in sandbox has no address yet (the server has not started listening).");
    }

    /// <summary>
    /// The transport of the provider whose address is used, or null for plain HTTP. A configured <c>Backend:BaseUrl</c>
    /// is always called over HTTP.
    /// </summary>
    public HttpMessageHandler? CreateTransport()
    {
        if (!string.IsNullOrWhiteSpace(options.Value.BaseUrl)) return null;
        foreach (var provider in providers)
            if (provider.GetBaseAddress() is not null) return provider.CreateTransport();
        return null;
    }

    // Client paths are relative, so the root must end with a slash or its last segment would be dropped.
    private static Uri WithSlash(Uri root) => root.AbsoluteUri.EndsWith('/') ? root : new Uri(root.AbsoluteUri + "/");
}
