using ServiceBot.Backend;

namespace ServiceBot.Core.Tests.Backend;

public sealed class BackendRetryTests
{
    [Fact]
    public void IsReplaySafe_Get_True()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "tickets/x");
        Assert.True(BackendRetry.IsReplaySafe(request));
    }

    [Fact]
    public void IsReplaySafe_PostWithoutKey_False()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "housing-fund/withdrawals");
        Assert.False(BackendRetry.IsReplaySafe(request));
    }

    [Fact]
    public void IsReplaySafe_PostWithKey_True()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "housing-fund/withdrawals");
        request.Headers.Add(BackendRetry.IdempotencyHeader, "k-1");
        Assert.True(BackendRetry.IsReplaySafe(request));
    }
}
