using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace ServiceBot.Server.Sandbox;

/// <summary>
/// The sandbox stands in for government systems, so only the bot's own backend client (holding the key) and
/// local tools (on loopback) may call it. Reads show personal numbers in full only to a key holder (and the contract's
/// listing by ID number to loopback), and changing a ticket's status needs the key even on loopback.
/// </summary>
public static class SandboxAccess
{
    public const string KeyHeader = "X-Sandbox-Key";
    private const string KeyHolder = "ServiceBot.Sandbox.KeyHolder";

    public static bool HoldsKey(HttpContext context) => context.Items.ContainsKey(KeyHolder);

    /// <summary>
    /// The contract's ticket listing by ID number serves local tools in full, as it always has: the caller already
    /// knows the ID, and only this machine can reach it without the key.
    /// </summary>
    public static bool ReadsContractListingInFull(HttpContext context) =>
        HoldsKey(context) || IsLoopback(context.Connection.RemoteIpAddress);

    /// <summary>Serves key holders and loopback callers; a wrong key is refused even on loopback.</summary>
    public static async ValueTask<object?> RequireLoopbackOrKeyAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var context = invocation.HttpContext;
        var presented = context.Request.Headers[KeyHeader].ToString();
        if (presented.Length > 0)
        {
            if (!Matches(presented, context.RequestServices.GetRequiredService<IOptions<SandboxOptions>>().Value.ApiKey!)) return KeyRequired();
            context.Items[KeyHolder] = true;
        }
        else if (!IsLoopback(context.Connection.RemoteIpAddress))
        {
            return KeyRequired();
        }
        return await next(invocation);
    }

    public static async ValueTask<object?> RequireKeyAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next) =>
        HoldsKey(invocation.HttpContext) ? await next(invocation) : KeyRequired();

    private static bool IsLoopback(IPAddress? address) =>
        address is not null && IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);

    // Hashes make the comparison constant-time whatever the lengths; the configured key's hash is computed once, not
    // on every call of the bot's own backend client.
    private sealed record KeyHash(string Key, byte[] Hash);

    private static KeyHash? _configuredKey;

    private static bool Matches(string presented, string key)
    {
        var configured = _configuredKey;
        if (configured is null || !ReferenceEquals(configured.Key, key))
            _configuredKey = configured = new KeyHash(key, SHA256.HashData(Encoding.UTF8.GetBytes(key)));
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(presented), hash);
        return CryptographicOperations.FixedTimeEquals(hash, configured.Hash);
    }

    private static IResult KeyRequired() =>
        SandboxProblems.Create(StatusCodes.Status401Unauthorized, "sandbox_key_required", "需要沙箱密钥", $"沙箱后台只接受本机请求或携带有效 {KeyHeader} 请求头的请求。");
}
