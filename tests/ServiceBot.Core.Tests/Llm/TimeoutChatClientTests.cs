using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using ServiceBot.Llm;

namespace ServiceBot.Core.Tests.Llm;

public sealed class TimeoutChatClientTests
{
    private static TestChatClient Hanging() => new()
    {
        GetResponseAsyncCallback = async (_, _, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            return new ChatResponse();
        },
        GetStreamingResponseAsyncCallback = (_, _, ct) => Slow(["一", "二"], TimeSpan.FromMinutes(1), ct),
    };

    private static async IAsyncEnumerable<ChatResponseUpdate> Slow(string[] tokens, TimeSpan gap, [EnumeratorCancellation] CancellationToken ct)
    {
        foreach (var token in tokens)
        {
            yield return new ChatResponseUpdate(ChatRole.Assistant, token);
            await Task.Delay(gap, ct);
        }
    }

    [Fact]
    public async Task GetResponseAsync_InnerTooSlow_ThrowsTimeoutWithinBudget()
    {
        using var client = new ChatClientBuilder(Hanging()).UseTimeout(TimeSpan.FromMilliseconds(200)).Build();
        var watch = Stopwatch.StartNew();

        await Assert.ThrowsAsync<TimeoutException>(() => client.GetResponseAsync("问题"));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task GetStreamingResponseAsync_StallAfterFirstToken_ThrowsTimeoutAfterIt()
    {
        using var client = new ChatClientBuilder(Hanging()).UseTimeout(TimeSpan.FromMilliseconds(200)).Build();
        var received = new List<string>();

        await Assert.ThrowsAsync<TimeoutException>(async () =>
        {
            await foreach (var update in client.GetStreamingResponseAsync("问题")) received.Add(update.Text);
        });

        Assert.Equal(["一"], received);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_SteadyTokens_EachWithinTimeout_Completes()
    {
        // The whole stream (6 × 0.6 s) outlasts the timeout; each gap stays well inside it, even on a busy machine.
        var inner = new TestChatClient { GetStreamingResponseAsyncCallback = (_, _, ct) => Slow(["一", "二", "三", "四", "五", "六"], TimeSpan.FromMilliseconds(600), ct) };
        using var client = new TimeoutChatClient(inner, TimeSpan.FromSeconds(3));
        var received = new List<string>();

        await foreach (var update in client.GetStreamingResponseAsync("问题")) received.Add(update.Text);

        Assert.Equal(["一", "二", "三", "四", "五", "六"], received);
    }

    [Fact]
    public async Task GetResponseAsync_CallerCancels_ThrowsCancellationNotTimeout()
    {
        using var client = new TimeoutChatClient(Hanging(), TimeSpan.FromSeconds(30));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        var exception = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetResponseAsync("问题", cancellationToken: cancel.Token));

        Assert.IsNotType<TimeoutException>(exception);
    }
}
