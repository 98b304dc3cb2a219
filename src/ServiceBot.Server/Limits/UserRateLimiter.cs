using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using ServiceBot.Server.Http;

namespace ServiceBot.Server.Limits;

/// <summary>
/// One token bucket per channel user. Channels ask it once they know who is speaking, which is inside the body,
/// so it cannot be a partition of the global (per-address) limiter.
/// </summary>
public sealed class UserRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public UserRateLimiter(IOptions<RateLimitOptions> options)
    {
        var bucket = options.Value.PerUser;
        _limiter = PartitionedRateLimiter.Create<string, string>(user => RateLimitPartition.GetTokenBucketLimiter(user, _ => Bucket(bucket)));
    }

    /// <summary>Null when the user may go on; otherwise the 429 answer, with <c>Retry-After</c> set on the response.</summary>
    public ProblemHttpResult? Refuse(HttpContext context, string channel, string userId)
    {
        using var lease = _limiter.AttemptAcquire(channel + "\n" + userId);
        if (lease.IsAcquired) return null;
        return TooManyRequests(context, lease);
    }

    public static TokenBucketRateLimiterOptions Bucket(TokenBucketSettings settings) => new()
    {
        TokenLimit = settings.Burst,
        TokensPerPeriod = settings.PermitsPerSecond,
        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    /// <summary>429 with <c>Retry-After</c> in whole seconds (at least one).</summary>
    public static ProblemHttpResult TooManyRequests(HttpContext context, RateLimitLease lease)
    {
        var wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return ApiProblems.Create(StatusCodes.Status429TooManyRequests, "rate_limited", "请求过于频繁", $"请求过于频繁，请 {seconds} 秒后再试。");
    }

    public void Dispose() => _limiter.Dispose();
}
