using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace ServiceBot.Server.Limits;

public static class LimitsServiceCollectionExtensions
{
    /// <summary>Binds and validates <c>RequestLimits</c> and <c>RateLimits</c> at start; registers the per-address limiter and <see cref="UserRateLimiter"/>.</summary>
    public static IServiceCollection AddRequestLimits(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<RequestLimitsOptions>().Bind(configuration.GetSection(RequestLimitsOptions.SectionName)).ValidateOnStart();
        services.AddOptions<RateLimitOptions>().Bind(configuration.GetSection(RateLimitOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RequestLimitsOptions>, LimitsOptionsValidator>();
        services.AddSingleton<IValidateOptions<RateLimitOptions>, LimitsOptionsValidator>();
        services.AddSingleton<UserRateLimiter>();
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<RequestLimitsOptions>>((kestrel, limits) =>
        {
            // Kestrel refuses oversized heads before the pipeline runs, with an empty body. Its ceilings sit at twice
            // the configured limits so that RequestHeadLimits sees (and answers with problem details) every request
            // between the two; the method, spaces and version take at most a few dozen bytes of the request line.
            kestrel.Limits.MaxRequestLineSize = 2 * limits.Value.TargetBytes + 64;
            kestrel.Limits.MaxRequestHeadersTotalSize = 2 * limits.Value.HeaderBytes;
            kestrel.Limits.MaxRequestHeaderCount = 2 * limits.Value.HeaderCount;
        });
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>>((limiter, limits) =>
        {
            var perIp = limits.Value.PerIp;
            // Loopback is this machine: local tools, a reverse proxy, the bot's own sandbox calls. Users behind a
            // proxy are still limited one by one by UserRateLimiter.
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                context.Connection.RemoteIpAddress is { } address && !IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address)
                    ? RateLimitPartition.GetTokenBucketLimiter(address.ToString(), _ => UserRateLimiter.Bucket(perIp))
                    : RateLimitPartition.GetNoLimiter(""));
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (rejected, _) =>
                new ValueTask(UserRateLimiter.TooManyRequests(rejected.HttpContext, rejected.Lease).ExecuteAsync(rejected.HttpContext));
        });
        return services;
    }

    /// <summary>Head and body limits first, so even a refused request never has its body read; then the per-address limiter.</summary>
    public static IApplicationBuilder UseRequestLimits(this IApplicationBuilder app) =>
        app.UseMiddleware<RequestHeadLimits>().UseMiddleware<RequestBodyLimits>().UseRateLimiter();
}
