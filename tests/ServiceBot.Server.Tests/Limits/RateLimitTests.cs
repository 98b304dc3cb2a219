using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using ServiceBot.Server.Tests.Sandbox;

namespace ServiceBot.Server.Tests.Limits;

/// <summary>Per-user and per-address token buckets, answered with 429, <c>Retry-After</c> and problem details.</summary>
public sealed class RateLimitTests
{
    [Fact]
    public async Task Chat_UserOverBurst_Returns429WithRetryAfterAndOtherUsersGoOn()
    {
        var server = new ServiceBotServer(new Dictionary<string, string>
        {
            ["RateLimits:PerUser:PermitsPerSecond"] = "1",
            ["RateLimits:PerUser:Burst"] = "2",
        });
        await server.InitializeAsync();
        try
        {
            var answers = new List<HttpResponseMessage>();
            for (var i = 0; i < 3; i++) answers.Add(await server.PostAsync("api/chat", new { userId = "busy-user", text = "你好" }));
            using var other = await server.PostAsync("api/chat", new { userId = "calm-user", text = "你好" });

            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK], answers.Take(2).Select(r => r.StatusCode));
            await RequestLimitsTests.AssertProblemAsync(answers[2], HttpStatusCode.TooManyRequests, "rate_limited");
            Assert.True(int.Parse(answers[2].Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) >= 1);
            Assert.Equal(HttpStatusCode.OK, other.StatusCode);
            answers.ForEach(r => r.Dispose());
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    [Fact]
    public async Task AnyRoute_RemoteAddressOverBurst_Returns429WithRetryAfterAndLoopbackGoesOn()
    {
        var server = new ServiceBotServer(new Dictionary<string, string>
        {
            ["RateLimits:PerIp:PermitsPerSecond"] = "1",
            ["RateLimits:PerIp:Burst"] = "5",
        }, services => services.AddSingleton<IStartupFilter>(RemoteCallers.Marked()));
        await server.InitializeAsync();
        try
        {
            var statuses = new List<HttpStatusCode>();
            HttpResponseMessage? refused = null;
            for (var i = 0; i < 20 && refused is null; i++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, "healthz");
                request.Headers.Add(RemoteCallers.Header, "1");
                var response = await server.Http.SendAsync(request);
                statuses.Add(response.StatusCode);
                if (response.StatusCode == HttpStatusCode.TooManyRequests) refused = response;
                else response.Dispose();
            }

            Assert.NotNull(refused);
            Assert.Contains(HttpStatusCode.OK, statuses);
            Assert.True(refused.Headers.Contains("Retry-After"));
            await RequestLimitsTests.AssertProblemAsync(refused, HttpStatusCode.TooManyRequests, "rate_limited");
            for (var i = 0; i < 10; i++)
            {
                using var local = await server.Http.GetAsync("healthz");
                Assert.Equal(HttpStatusCode.OK, local.StatusCode);
            }
        }
        finally
        {
            await server.DisposeAsync();
        }
    }
}
