using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using ServiceBot.Telemetry;

namespace ServiceBot.Llm;

/// <summary>Counts every model call, its failures (timeouts included) and its latency in <see cref="ServiceBotTelemetry"/>.</summary>
public sealed class MeteredChatClient(IChatClient inner) : DelegatingChatClient(inner)
{
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        var succeeded = false;
        try
        {
            var response = await base.GetResponseAsync(messages, options, cancellationToken);
            succeeded = true;
            return response;
        }
        finally
        {
            ServiceBotTelemetry.ModelCallCompleted(succeeded, Stopwatch.GetElapsedTime(started));
        }
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages,
        ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        var succeeded = false;
        try
        {
            await foreach (var update in base.GetStreamingResponseAsync(messages, options, cancellationToken)) yield return update;
            succeeded = true;
        }
        finally
        {
            ServiceBotTelemetry.ModelCallCompleted(succeeded, Stopwatch.GetElapsedTime(started));
        }
    }
}

public static class MeteredChatClientBuilderExtensions
{
    /// <summary>Adds a <see cref="MeteredChatClient"/>; outermost, it sees what the caller sees, timeouts included.</summary>
    public static ChatClientBuilder UseCallMetrics(this ChatClientBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Use(inner => new MeteredChatClient(inner));
    }
}
