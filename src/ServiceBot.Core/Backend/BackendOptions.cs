namespace ServiceBot.Backend;

/// <summary>Settings bound from the <c>Backend</c> configuration section.</summary>
public sealed class BackendOptions
{
    public const string SectionName = "Backend";

    /// <summary>
    /// Root of the government backend API (the sandbox's is <c>{server}/sandbox/api/</c>); every client path is relative to it.
    /// Leave empty to use the built-in sandbox: the ASP.NET server knows its own address only once it has bound its port
    /// (which varies with <c>--urls</c>), so it supplies the address through <see cref="IBackendAddressProvider"/> at call time
    /// instead of a fixed default that could point at the wrong port.
    /// </summary>
    public string? BaseUrl { get; set; }

    /// <summary>
    /// Headers sent with every call to the configured <see cref="BaseUrl"/>, such as the key of a sandbox running as its
    /// own service (<c>Backend__Headers__X-Sandbox-Key</c>). Ignored for the built-in sandbox, which supplies its own.
    /// </summary>
    public Dictionary<string, string> Headers { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
