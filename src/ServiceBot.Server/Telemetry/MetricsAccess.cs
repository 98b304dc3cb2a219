using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using ServiceBot.Server.Http;

namespace ServiceBot.Server.Telemetry;

/// <summary>
/// <c>/metrics</c> is for operators: it answers loopback callers and holders of <see cref="MetricsOptions.Key"/>
/// (<c>Authorization: Bearer KEY</c>). A wrong key is refused even on loopback; everyone else gets 401.
/// </summary>
public static class MetricsAccess
{
    public static bool Allows(HttpContext context, MetricsOptions options)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (header.Length > 0)
        {
            const string Bearer = "Bearer ";
            return options.Key is { Length: > 0 } key && header.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase)
                && Matches(header[Bearer.Length..].Trim(), key);
        }
        return context.Connection.RemoteIpAddress is { } address && IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);
    }

    /// <summary>The branch in front of the Prometheus exporter: refuses with a 401 problem before any metric is read.</summary>
    public static void Guard(IApplicationBuilder branch) => branch.Use(async (context, next) =>
    {
        if (Allows(context, context.RequestServices.GetRequiredService<IOptions<MetricsOptions>>().Value))
        {
            await next(context);
            return;
        }
        context.Response.Headers.WWWAuthenticate = "Bearer";
        await ApiProblems.Create(StatusCodes.Status401Unauthorized, "metrics_key_required", "需要监控密钥",
            "/metrics 只接受本机请求或携带有效 Authorization: Bearer 监控密钥的请求。").ExecuteAsync(context);
    });

    private static bool Matches(string presented, string key) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
