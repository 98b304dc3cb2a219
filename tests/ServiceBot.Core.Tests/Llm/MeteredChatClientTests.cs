using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.AI;
using ServiceBot.Llm;
using ServiceBot.Telemetry;

namespace ServiceBot.Core.Tests.Llm;

public sealed class MeteredChatClientTests : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentBag<(string Instrument, string? Result)> _measurements = [];

    public MeteredChatClientTests()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == ServiceBotTelemetry.Name && instrument.Name.StartsWith("servicebot.model.", StringComparison.Ordinal))
                listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((instrument, _, tags, _) => _measurements.Add((instrument.Name, ResultOf(tags))));
        _listener.SetMeasurementEventCallback<double>((instrument, _, _, _) => _measurements.Add((instrument.Name, null)));
        _listener.Start();
    }

    private static string? ResultOf(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        foreach (var tag in tags) if (tag.Key == "result") return tag.Value as string;
        return null;
    }

    [Fact]
    public async Task GetResponseAsync_SuccessThenFailure_CountsOkAndFailedWithLatency()
    {
        var fails = false;
        using var client = new MeteredChatClient(new TestChatClient
        {
            GetResponseAsyncCallback = (_, _, _) => fails
                ? throw new TimeoutException("model too slow")
                : Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, "好的"))),
        });

        await client.GetResponseAsync([new ChatMessage(ChatRole.User, "你好")]);
        fails = true;
        await Assert.ThrowsAsync<TimeoutException>(() => client.GetResponseAsync([new ChatMessage(ChatRole.User, "你好")]));

        Assert.Contains(("servicebot.model.calls", "ok"), _measurements);
        Assert.Contains(("servicebot.model.calls", "failed"), _measurements);
        Assert.Contains(("servicebot.model.duration", (string?)null), _measurements);
    }

    public void Dispose() => _listener.Dispose();
}
