using System.Diagnostics;
using Microsoft.Extensions.Logging;
using ServiceBot.Conversation;
using ServiceBot.Telemetry;

namespace ServiceBot.Analytics;

/// <summary>
/// Wraps the turn seam every channel calls: each turn the engine ran (not a replayed delivery) is counted in the
/// metrics and written as one row of the turn analytics, unless the conversation store already wrote it with the
/// turn (<see cref="ITurnAnalyticsStore.RecordedWithTurns"/>). Recording never fails a turn: a store error is logged and the
/// reply goes out.
/// </summary>
public sealed partial class RecordingConversationEngine(
    IConversationEngine engine, ITurnAnalyticsStore? store, TimeProvider clock, ILogger<RecordingConversationEngine> logger) : IConversationEngine
{
    public async Task<Reply> HandleAsync(IncomingMessage message, CancellationToken cancellationToken)
    {
        using var activity = ServiceBotTelemetry.Source.StartActivity("turn");
        activity?.SetTag("servicebot.channel", message.Channel);
        var started = Stopwatch.GetTimestamp();
        var reply = await engine.HandleAsync(message, cancellationToken);
        if (reply.Facts is not { } facts) return reply;

        activity?.SetTag("servicebot.outcome", facts.Outcome);
        ServiceBotTelemetry.TurnCompleted(message.Channel, facts.Outcome, Stopwatch.GetElapsedTime(started));
        if (facts.Task is { } task) CountTask(task);
        // A store whose rows the conversation store writes in the turn's own transaction already has this one.
        if (store is { RecordedWithTurns: false }) await RecordAsync(message, reply, facts);
        return reply;
    }

    private static void CountTask(TaskFacts task)
    {
        if (task.Started) ServiceBotTelemetry.TaskStarted(task.Name);
        if (!task.Changed) return;
        if (task.State == "submitted") ServiceBotTelemetry.TaskSubmitted(task.Name);
        else if (task.State == "failed") ServiceBotTelemetry.TaskFailed(task.Name);
    }

    private async Task RecordAsync(IncomingMessage message, Reply reply, TurnFacts facts)
    {
        var turn = RecordedTurn.Of(clock.GetUtcNow(), message.Channel, message.UserId, reply.ConversationId, message.Text.Trim(), facts);
        try
        {
            // The user already has their answer in hand; a caller giving up must not lose the row.
            await store!.RecordAsync(turn, CancellationToken.None);
        }
        catch (Exception exception)
        {
            LogRecordFailed(logger, exception.GetType().Name, message.Channel);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Turn analytics row not written ({ExceptionType}, channel {Channel}); the turn was answered.")]
    private static partial void LogRecordFailed(ILogger logger, string exceptionType, string channel);
}
