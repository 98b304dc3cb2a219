using Microsoft.Extensions.Options;

namespace ServiceBot.Server.Limits;

/// <summary>Fails at start on limits that would refuse every request or none.</summary>
public sealed class LimitsOptionsValidator : IValidateOptions<RequestLimitsOptions>, IValidateOptions<RateLimitOptions>
{
    private const long MinBody = 1024, MaxBody = 64L * 1024 * 1024;
    private const int MinTarget = 1024, MaxTarget = 64 * 1024;
    private const int MinHeaderBytes = 4 * 1024, MaxHeaderBytes = 256 * 1024;
    private const int MinHeaderCount = 20, MaxHeaderCount = 1000;

    public ValidateOptionsResult Validate(string? name, RequestLimitsOptions options)
    {
        var errors = new List<string>();
        foreach (var (key, value) in new[] { ("ChatBodyBytes", options.ChatBodyBytes), ("ChannelBodyBytes", options.ChannelBodyBytes), ("DefaultBodyBytes", options.DefaultBodyBytes), ("UploadBodyBytes", options.UploadBodyBytes) })
            if (value is < MinBody or > MaxBody)
                errors.Add($"RequestLimits:{key} must lie between {MinBody} and {MaxBody}.");
        if (options.DrainBytes is < 0 or > MaxBody)
            errors.Add($"RequestLimits:DrainBytes must lie between 0 and {MaxBody}.");
        foreach (var (key, value, min, max) in new[]
        {
            ("TargetBytes", options.TargetBytes, MinTarget, MaxTarget),
            ("HeaderBytes", options.HeaderBytes, MinHeaderBytes, MaxHeaderBytes),
            ("HeaderCount", options.HeaderCount, MinHeaderCount, MaxHeaderCount),
        })
            if (value < min || value > max)
                errors.Add($"RequestLimits:{key} must lie between {min} and {max}.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    public ValidateOptionsResult Validate(string? name, RateLimitOptions options)
    {
        var errors = new List<string>();
        Check("PerIp", options.PerIp, errors);
        Check("PerUser", options.PerUser, errors);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Check(string key, TokenBucketSettings bucket, List<string> errors)
    {
        if (bucket.PermitsPerSecond < 1) errors.Add($"RateLimits:{key}:PermitsPerSecond must be at least 1.");
        if (bucket.Burst < bucket.PermitsPerSecond) errors.Add($"RateLimits:{key}:Burst must be at least RateLimits:{key}:PermitsPerSecond.");
    }
}
