using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ServiceBot.Telemetry;

/// <summary>
/// The meter and activity source the service reports through (both named <see cref="Name"/>): turns, retrieval, tasks
/// and model calls. The server exports them (OpenTelemetry, Prometheus text at <c>/metrics</c>); without a listener
/// they cost next to nothing. Labels never carry user data: channel, outcome and task names only.
/// </summary>
public static class ServiceBotTelemetry
{
    public const string Name = "ServiceBot";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    private static readonly Counter<long> Turns = Meter.CreateCounter<long>("servicebot.turns", "{turn}", "User turns the engine ran, by channel and outcome.");
    private static readonly Histogram<double> TurnDuration = Meter.CreateHistogram<double>("servicebot.turn.duration", "s", "Time to run one turn, by channel.");
    private static readonly Histogram<double> RetrievalDuration = Meter.CreateHistogram<double>("servicebot.retrieval.duration", "s", "Time to retrieve clauses for one question.");
    private static readonly Counter<long> TasksStarted = Meter.CreateCounter<long>("servicebot.tasks.started", "{task}", "一件事 forms opened, by task.");
    private static readonly Counter<long> TasksSubmitted = Meter.CreateCounter<long>("servicebot.tasks.submitted", "{task}", "一件事 forms submitted to the backend, by task.");
    private static readonly Counter<long> TasksFailed = Meter.CreateCounter<long>("servicebot.tasks.failed", "{task}", "一件事 submissions the backend refused or failed, by task.");
    private static readonly Counter<long> ModelCalls = Meter.CreateCounter<long>("servicebot.model.calls", "{call}", "Calls to the configured language model, by result (ok, failed).");
    private static readonly Histogram<double> ModelDuration = Meter.CreateHistogram<double>("servicebot.model.duration", "s", "Time of one language model call.");

    public static void TurnCompleted(string channel, string outcome, TimeSpan elapsed)
    {
        Turns.Add(1, new("channel", channel), new("outcome", outcome));
        TurnDuration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("channel", channel));
    }

    public static void TaskStarted(string task) => TasksStarted.Add(1, new KeyValuePair<string, object?>("task", task));

    public static void TaskSubmitted(string task) => TasksSubmitted.Add(1, new KeyValuePair<string, object?>("task", task));

    public static void TaskFailed(string task) => TasksFailed.Add(1, new KeyValuePair<string, object?>("task", task));

    public static void RetrievalCompleted(TimeSpan elapsed) => RetrievalDuration.Record(elapsed.TotalSeconds);

    public static void ModelCallCompleted(bool succeeded, TimeSpan elapsed)
    {
        ModelCalls.Add(1, new KeyValuePair<string, object?>("result", succeeded ? "ok" : "failed"));
        ModelDuration.Record(elapsed.TotalSeconds);
    }
}
