using System.Diagnostics;
using ServiceBot.Retrieval.Evaluation;

namespace ServiceBot.Benchmarks.Turns;

/// <summary>What an open-loop run sends at each arrival: the next turn of a scripted dialogue, or a health probe.</summary>
internal enum OpenLoopTarget
{
    Chat,
    Health,
}

/// <summary>
/// One open-loop run: arrivals on a fixed schedule at the offered rate, whatever the server does. Arrival i is due at
/// i / rate. The arrivals are dealt round-robin to lanes; a lane walks through the dialogues in order (each in its own
/// conversation, each turn after the previous one's reply), so when a reply is late the lane's next turn goes out late.
/// Latency is counted from the time a request was due, not from when it went out, so a stall is charged to every
/// arrival it delayed (no coordinated omission). A failed turn (non-2xx, timeout, connection error) is an error, and the
/// rest of its dialogue, which cannot go on without it, counts as errors too. A server that falls too far behind is
/// given up on <see cref="Grace"/> after the schedule ends: what is still in flight or not yet sent counts as errors.
/// </summary>
internal static class OpenLoopRun
{
    // Each lane gets an arrival every 100 ms, far above a healthy turn, so lanes do not pace the schedule.
    private static readonly TimeSpan LaneInterval = TimeSpan.FromMilliseconds(100);

    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(20);

    private static readonly Uri ChatPath = new("api/chat", UriKind.Relative);

    public sealed record Result(OpenLoopTarget Target, double OfferedRate, int Scheduled, int Completed, int Errors, double[] SortedMilliseconds)
    {
        public double Percentile(double percent) => SortedMilliseconds.Length == 0 ? double.NaN : LatencySummary.Percentile(SortedMilliseconds, percent);

        public double P50 => Percentile(50);

        public double P99 => Percentile(99);

        public double P999 => Percentile(99.9);
    }

    public static async Task<Result> RunAsync(HttpClient client, OpenLoopTarget target, double rate, TimeSpan duration, string runId)
    {
        var scheduled = (int)Math.Round(rate * duration.TotalSeconds);
        var lanes = Math.Max(1, (int)Math.Ceiling(rate * LaneInterval.TotalSeconds));
        var ticksPerArrival = Stopwatch.Frequency / rate;
        var start = Stopwatch.GetTimestamp() + Stopwatch.Frequency / 20;
        var schedule = new Schedule(start, ticksPerArrival, lanes, scheduled);

        using var giveUp = new CancellationTokenSource(duration + Grace);
        var work = Enumerable.Range(0, lanes).Select(lane => Task.Run(() => target == OpenLoopTarget.Chat
            ? RunChatLaneAsync(client, schedule, lane, $"{runId}-{lane}", giveUp.Token)
            : RunHealthLaneAsync(client, schedule, lane, giveUp.Token))).ToArray();
        var outcomes = await Task.WhenAll(work);

        var latencies = outcomes.SelectMany(o => o.Milliseconds).ToArray();
        Array.Sort(latencies);
        return new Result(target, rate, scheduled, latencies.Length, outcomes.Sum(o => o.Errors), latencies);
    }

    private sealed record Schedule(long Start, double TicksPerArrival, int Lanes, int Arrivals)
    {
        public long DueAt(int arrival) => Start + (long)(arrival * TicksPerArrival);
    }

    private sealed class LaneOutcome(int capacity)
    {
        public List<double> Milliseconds { get; } = new(capacity);

        public int Errors { get; set; }

        public void Record(long due) => Milliseconds.Add(Stopwatch.GetElapsedTime(due).TotalMilliseconds);
    }

    private static async Task<LaneOutcome> RunHealthLaneAsync(HttpClient client, Schedule schedule, int lane, CancellationToken giveUp)
    {
        var outcome = new LaneOutcome(schedule.Arrivals / schedule.Lanes + 1);
        var drain = new byte[256];
        for (var arrival = lane; arrival < schedule.Arrivals; arrival += schedule.Lanes)
        {
            var due = schedule.DueAt(arrival);
            if (giveUp.IsCancellationRequested)
            {
                outcome.Errors++;
                continue;
            }
            try
            {
                await WaitUntilAsync(due);
                using var response = await client.GetAsync("healthz", HttpCompletionOption.ResponseHeadersRead, giveUp);
                await using (var stream = await response.Content.ReadAsStreamAsync(giveUp))
                    while (await stream.ReadAsync(drain, giveUp) > 0) { }
                if (response.IsSuccessStatusCode) outcome.Record(due);
                else outcome.Errors++;
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
            {
                outcome.Errors++;
            }
        }
        return outcome;
    }

    private static async Task<LaneOutcome> RunChatLaneAsync(HttpClient client, Schedule schedule, int lane, string lanePrefix, CancellationToken giveUp)
    {
        var dialogues = TurnBenchmark.Dialogues;
        var outcome = new LaneOutcome(schedule.Arrivals / schedule.Lanes + 1);
        var wire = new ChatTurnWire();
        var arrival = lane;
        // Lanes start at different dialogues, so at any moment the mix of questions and submissions is even.
        for (var round = 0; arrival < schedule.Arrivals; round++)
        {
            // One user per round, carrying the token its first turn returned, as a browser does.
            var user = $"{lanePrefix}-{round}";
            wire.StartUser();
            for (var d = 0; d < dialogues.Length && arrival < schedule.Arrivals; d++)
            {
                var dialogue = (lane + d) % dialogues.Length;
                wire.StartDialogue();
                var broken = false;
                for (var turn = 0; turn < dialogues[dialogue].Length && arrival < schedule.Arrivals; turn++, arrival += schedule.Lanes)
                {
                    var due = schedule.DueAt(arrival);
                    if (broken || giveUp.IsCancellationRequested)
                    {
                        outcome.Errors++;
                        continue;
                    }
                    try
                    {
                        await WaitUntilAsync(due);
                        using var request = new HttpRequestMessage(HttpMethod.Post, ChatPath) { Content = wire.Body(user, dialogue, turn) };
                        // Headers first, then the body straight into the lane's buffer: no per-reply buffer of HttpClient's own.
                        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, giveUp);
                        if (!response.IsSuccessStatusCode || !await wire.ReadReplyAsync(response, giveUp))
                        {
                            outcome.Errors++;
                            broken = true;
                            continue;
                        }
                        outcome.Record(due);
                    }
                    catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException)
                    {
                        outcome.Errors++;
                        broken = true;
                    }
                }
            }
        }
        return outcome;
    }

    private static Task WaitUntilAsync(long due)
    {
        var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due).TotalMilliseconds;
        // Timers fire on a millisecond grid: rounding up never sends early, and any lateness of the timer is counted
        // against the server (the figures err on the slow side). A lane waits at most its interval, so the wait takes
        // no cancellation registration; the give-up is checked before each send.
        return wait > 0 ? Task.Delay(TimeSpan.FromMilliseconds(Math.Ceiling(wait))) : Task.CompletedTask;
    }
}
