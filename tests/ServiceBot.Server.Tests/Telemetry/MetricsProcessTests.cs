using System.Globalization;
using ServiceBot.Server.Tests.Chat;

namespace ServiceBot.Server.Tests.Telemetry;

/// <summary>
/// <c>/metrics</c> of a server process of its own, so that no other test's turns share its meter: each turn is counted
/// exactly once, in the turn counter and in the latency histogram.
/// </summary>
public sealed class MetricsProcessTests() : ServerProcessTest("metrics")
{
    protected override void Configure(Dictionary<string, string> settings) => settings["Admin__KnowledgePath"] = Path.Combine(Directory, "admin");

    [Fact]
    public async Task Metrics_ThreeTurns_CountedOnceEachByOutcomeAndInTheLatencyHistogram()
    {
        var before = await ScrapeAsync();

        await new ChatSession(Server.Http).SayAsync("骑手每天跑十几个小时，休息权有保障吗？");
        await new ChatSession(Server.Http).SayAsync("帮我订一张去上海的机票");
        await new ChatSession(Server.Http).SayAsync("我想提取公积金");
        // The exporter caches a scrape briefly.
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var after = await ScrapeAsync();

        Assert.Equal(3, Sum(after, "servicebot_turns_total{", "channel=\"api\"") - Sum(before, "servicebot_turns_total{", "channel=\"api\""));
        Assert.Equal(1, Sum(after, "servicebot_turns_total{", "outcome=\"grounded\"") - Sum(before, "servicebot_turns_total{", "outcome=\"grounded\""));
        Assert.Equal(1, Sum(after, "servicebot_turns_total{", "outcome=\"task_step\"") - Sum(before, "servicebot_turns_total{", "outcome=\"task_step\""));
        Assert.Equal(3, Sum(after, "servicebot_turn_duration_seconds_count{", "channel=\"api\"") - Sum(before, "servicebot_turn_duration_seconds_count{", "channel=\"api\""));
        Assert.Equal(3, Sum(after, "servicebot_turn_duration_seconds_bucket{", "le=\"+Inf\"") - Sum(before, "servicebot_turn_duration_seconds_bucket{", "le=\"+Inf\""));
        Assert.Contains("# TYPE servicebot_turn_duration_seconds histogram", after, StringComparison.Ordinal);
        Assert.True(Sum(after, "servicebot_turn_duration_seconds_sum{", "channel=\"api\"") > 0);
    }

    private async Task<string> ScrapeAsync()
    {
        using var response = await Server.Http.GetAsync("metrics");
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The sum of the samples of one metric whose labels contain <paramref name="label"/>.</summary>
    private static double Sum(string exposition, string metric, string label)
        => exposition.Split('\n')
            .Where(l => l.StartsWith(metric, StringComparison.Ordinal) && l.Contains(label, StringComparison.Ordinal))
            .Sum(l => double.Parse(l[(l.LastIndexOf('}') + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture));
}
