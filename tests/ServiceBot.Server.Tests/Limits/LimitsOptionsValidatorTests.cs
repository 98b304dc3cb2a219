using ServiceBot.Server.Limits;

namespace ServiceBot.Server.Tests.Limits;

public sealed class LimitsOptionsValidatorTests
{
    private static readonly LimitsOptionsValidator Validator = new();

    [Fact]
    public void Validate_Defaults_Succeed()
    {
        Assert.True(Validator.Validate(null, new RequestLimitsOptions()).Succeeded);
        Assert.True(Validator.Validate(null, new RateLimitOptions()).Succeeded);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100)]
    [InlineData(128L * 1024 * 1024)]
    public void Validate_ChatBodyOutOfRange_FailsNamingTheKey(long bytes)
    {
        var result = Validator.Validate(null, new RequestLimitsOptions { ChatBodyBytes = bytes });

        Assert.False(result.Succeeded);
        Assert.Contains("RequestLimits:ChatBodyBytes", result.FailureMessage);
    }

    [Theory]
    [InlineData(0, 32 * 1024, 100, "RequestLimits:TargetBytes")]
    [InlineData(8 * 1024, 1024 * 1024, 100, "RequestLimits:HeaderBytes")]
    [InlineData(8 * 1024, 32 * 1024, 5, "RequestLimits:HeaderCount")]
    public void Validate_HeadLimitOutOfRange_FailsNamingTheKey(int targetBytes, int headerBytes, int headerCount, string key)
    {
        var result = Validator.Validate(null, new RequestLimitsOptions { TargetBytes = targetBytes, HeaderBytes = headerBytes, HeaderCount = headerCount });

        Assert.False(result.Succeeded);
        Assert.Contains(key, result.FailureMessage);
    }

    [Fact]
    public void Validate_BurstBelowRate_FailsNamingTheKey()
    {
        var result = Validator.Validate(null, new RateLimitOptions { PerUser = new TokenBucketSettings { PermitsPerSecond = 10, Burst = 5 } });

        Assert.False(result.Succeeded);
        Assert.Contains("RateLimits:PerUser:Burst", result.FailureMessage);
    }

    [Fact]
    public void Validate_ZeroPermits_Fails() =>
        Assert.False(Validator.Validate(null, new RateLimitOptions { PerIp = new TokenBucketSettings { PermitsPerSecond = 0, Burst = 0 } }).Succeeded);
}
