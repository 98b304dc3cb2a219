namespace ServiceBot.Backend;

/// <summary>
/// Supplies the backend root when <c>Backend:BaseUrl</c> is not configured, e.g. the server hosting the built-in sandbox.
/// Asked each time a client is created, so it may answer once the host has started listening.
/// </summary>
public interface IBackendAddressProvider
{
    /// <summary>The absolute backend root, or null when this provider cannot tell (yet).</summary>
    Uri? GetBaseAddress();

    /// <summary>Headers every call to this provider's address carries, such as the built-in sandbox's key.</summary>
    IReadOnlyDictionary<string, string> GetHeaders() => new Dictionary<string, string>();

    /// <summary>
    /// A transport that reaches this provider's address without a socket (a server serving its own sandbox in process),
    /// or null to call it over HTTP. Asked each time a client's handler is built.
    /// </summary>
    HttpMessageHandler? CreateTransport() => null;
}
