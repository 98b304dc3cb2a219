using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http;
using ServiceBot.Server.Telemetry;
using ServiceBot.Server.Tests.Chat;

namespace ServiceBot.Server.Tests.Telemetry;

/// <summary><c>/metrics</c> over real HTTP after real turns, and who may read it.</summary>
public sealed class MetricsEndpointTests(MetricsEndpointTests.KeyedServer server) : IClassFixture<MetricsEndpointTests.KeyedServer>
{
    public const string Key = "metrics-key-5d1f0b9a3c";

    /// <summary>The real server with a metrics key configured.</summary>
    public sealed class KeyedServer() : IAsyncLifetime
    {
        private readonly ServiceBotServer _server = new(new Dictionary<string, string> { ["Metrics:Key"] = Key });

        public ServiceBotServer Server => _server;

        public Task InitializeAsync() => _server.InitializeAsync();

        public Task DisposeAsync() => _server.DisposeAsync();
    }

    private async Task<string> ScrapeAsync()
    {
        using var client = new HttpClient { BaseAddress = server.Server.BaseAddress };
        using var response = await client.GetAsync("metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task Metrics_AfterTurns_ExposesTurnCountsByOutcomeAndLatencyBuckets()
    {
        var chat = new ChatSession(server.Server.Http);
        await chat.SayAsync("骑手每天跑十几个小时，休息权有保障吗？");
        await new ChatSession(server.Server.Http).SayAsync("帮我订一张去上海的机票");
        await new ChatSession(server.Server.Http).SayAsync("我想提取公积金");

        // The exporter caches a scrape briefly; a later scrape sees every turn above.
        await Task.Delay(TimeSpan.FromSeconds(1));
        var text = await ScrapeAsync();

        var lines = text.Split('\n');
        Assert.Contains(lines, l => l.StartsWith("servicebot_turns_total{", StringComparison.Ordinal)
            && l.Contains("channel=\"api\"", StringComparison.Ordinal) && l.Contains("outcome=\"grounded\"", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("servicebot_turns_total{", StringComparison.Ordinal) && l.Contains("outcome=\"task_step\"", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("servicebot_turn_duration_seconds_bucket{", StringComparison.Ordinal) && l.Contains("le=\"+Inf\"", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("servicebot_retrieval_duration_seconds_bucket{", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("servicebot_tasks_started_total{", StringComparison.Ordinal) && l.Contains("task=\"fund_withdrawal\"", StringComparison.Ordinal));
        Assert.Contains("# TYPE servicebot_turns_total counter", text, StringComparison.Ordinal);
        Assert.DoesNotContain("休息权", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_WrongKeyEvenOnLoopback_401()
    {
        using var client = new HttpClient { BaseAddress = server.Server.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Key + "x");

        using var response = await client.GetAsync("metrics");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("metrics_key_required", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_RightKey_200()
    {
        using var client = new HttpClient { BaseAddress = server.Server.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Key);

        using var response = await client.GetAsync("metrics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("203.0.113.7", null, false)]
    [InlineData("203.0.113.7", "Bearer " + Key, true)]
    [InlineData("203.0.113.7", "Bearer wrong-key-0000000000", false)]
    [InlineData("127.0.0.1", null, true)]
    [InlineData("::ffff:127.0.0.1", null, true)]
    public void Allows_CallerAndKey_LoopbackOrKeyHolderOnly(string address, string? authorization, bool allowed)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(address);
        if (authorization is not null) context.Request.Headers.Authorization = authorization;

        Assert.Equal(allowed, MetricsAccess.Allows(context, new MetricsOptions { Key = Key }));
    }

    [Fact]
    public void Validate_ShortKey_Fails()
    {
        Assert.True(new MetricsOptionsValidator().Validate(null, new MetricsOptions { Key = "short" }).Failed);
        Assert.True(new MetricsOptionsValidator().Validate(null, new MetricsOptions()).Succeeded);
    }
}
