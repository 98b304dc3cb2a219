using System.Diagnostics;
using Microsoft.Extensions.Options;
using ServiceBot.Answers;
using ServiceBot.Assist;
using ServiceBot.Benchmarks.Retrieval;
using ServiceBot.Conversation;
using ServiceBot.Hosting;
using ServiceBot.Ingestion;
using ServiceBot.Knowledge;
using ServiceBot.Tasks;
using ServiceBot.Text;
using ServiceBot.Understanding.Intents;

namespace ServiceBot.Benchmarks.Calls;

/// <summary>
/// Call assist on speech-recognised hotline calls (tests/datasets/hotline-calls): the share of the values the caller
/// stated that come back pre-filled correctly, task recognition, values taken from the agent's lines, and latency per
/// call, beside the chat engine fed the caller's lines one at a time.
/// </summary>
public static class CallAssistBenchmark
{
    public const string Usage = "usage: ServiceBot.Benchmarks calls [--set dev|heldout] [--file PATH]";

    private sealed record Outcome(string Task, IReadOnlyDictionary<string, string> Slots, double Milliseconds);

    private sealed class Tally
    {
        public int Correct;
        public int TaskCorrect;
        public int FromAgent;
        public readonly List<double> Milliseconds = [];
        public readonly List<string> Misses = [];
        public readonly Dictionary<string, (int Correct, int Expected)> BySlot = new(StringComparer.Ordinal);
    }

    public static async Task<int> RunAsync(string[] args)
    {
        string path;
        try
        {
            path = DatasetPath(args);
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine($"error: {ex.Message}\n{Usage}");
            return 2;
        }
        if (!File.Exists(path))
        {
            Console.Error.WriteLine($"error: no call set at {path}");
            return 2;
        }
        IReadOnlyList<HotlineCall> calls;
        try
        {
            calls = HotlineCall.Load(path);
        }
        catch (InvalidDataException ex)
        {
            Console.Error.WriteLine($"error: {ex.Message}");
            return 2;
        }

        var root = RepositoryPaths.FindRoot();
        var scratch = Path.Combine(Path.GetTempPath(), "servicebot-calls-" + Guid.NewGuid().ToString("N"));
        try
        {
            Directory.CreateDirectory(scratch);
            var pipeline = new IngestionPipeline(Options.Create(new KnowledgeOptions()), Options.Create(new IndexOptions()));
            await pipeline.RunAsync([Path.Combine(root, "knowledge")], Path.Combine(scratch, "index"));
            var knowledge = KnowledgeBase.Load(Path.Combine(scratch, "index"));
            var intents = IntentClassifier.CreateDefault(new ChineseAnalyzer());
            var composer = new ExtractiveAnswerComposer();

            var clock = new ServiceTimeProvider(TimeProvider.System);
            var reader = new TranscriptTaskReader(TaskCatalog.Default, ConversationUnderstanding.Create(intents, clock));
            var assistant = new CallAssistant(reader, new ExtractiveConversationSummarizer(TaskCatalog.Default),
                new TemplatedReplySuggester(_ => Task.FromResult(knowledge), composer, reader), clock);
            var peer = new FormEnginePeer(intents, new ComposedAnswerer(knowledge, composer), Path.Combine(scratch, "peer.db"));
            var agentReader = ConversationUnderstanding.Create(intents, clock).Slots;

            // One warm-up call each, so first-use costs (jieba, regex compilation) stay out of the latencies.
            await AssistAsync(assistant, calls[0]);
            await peer.RunAsync(calls[0] with { Id = calls[0].Id + "-warmup" }, CancellationToken.None);

            var ours = new Tally();
            var theirs = new Tally();
            var expected = 0;
            foreach (var call in calls)
            {
                expected += call.Expect.Count;
                Score(call, await AssistAsync(assistant, call), ours, agentReader);
                var clockStart = Stopwatch.GetTimestamp();
                var task = await peer.RunAsync(call, CancellationToken.None);
                var peerOutcome = new Outcome(task?.Name ?? "", task?.Slots ?? new Dictionary<string, string>(), Stopwatch.GetElapsedTime(clockStart).TotalMilliseconds);
                Score(call, peerOutcome, theirs, agentReader);
            }
            Report(path, root, calls.Count, expected, ours, theirs);
            return 0;
        }
        finally
        {
            if (Directory.Exists(scratch)) Directory.Delete(scratch, recursive: true);
        }
    }

    private static string DatasetPath(string[] args)
    {
        var set = "dev";
        string? file = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--set" when i + 1 < args.Length:
                    set = args[++i];
                    if (set is not ("dev" or "heldout")) throw new ArgumentException($"unknown set \"{set}\" (dev or heldout)");
                    break;
                case "--file" when i + 1 < args.Length:
                    file = args[++i];
                    break;
                default:
                    throw new ArgumentException($"unknown option \"{args[i]}\"");
            }
        }
        return file ?? Path.Combine(RepositoryPaths.FindRoot(), "tests", "datasets", "hotline-calls", set + ".jsonl");
    }

    private static async Task<Outcome> AssistAsync(ICallAssistant assistant, HotlineCall call)
    {
        var lines = call.Utterances
            .Select(u => new TranscriptLine(u.Speaker == HotlineCall.Caller ? Speakers.User : Speakers.Agent, u.Text, call.At))
            .ToList();
        var start = Stopwatch.GetTimestamp();
        var result = await assistant.AssistAsync(new CallAssistRequest(call.Id, call.At, lines), CancellationToken.None);
        var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        return new Outcome(result.Task?.Name ?? "", result.Task?.Slots ?? new Dictionary<string, string>(), elapsed);
    }

    private static void Score(HotlineCall call, Outcome outcome, Tally tally, Understanding.Slots.SlotExtractor extractor)
    {
        tally.Milliseconds.Add(outcome.Milliseconds);
        if (outcome.Task == call.Task) tally.TaskCorrect++;
        else tally.Misses.Add($"{call.Id}: task {(outcome.Task.Length == 0 ? "none" : outcome.Task)} (expected {call.Task})");
        foreach (var (slot, value) in call.Expect)
        {
            var predicted = outcome.Slots.GetValueOrDefault(slot);
            var correct = SlotMatch.IsCorrect(slot, value, predicted);
            var (slotCorrect, slotExpected) = tally.BySlot.GetValueOrDefault(slot);
            tally.BySlot[slot] = (slotCorrect + (correct ? 1 : 0), slotExpected + 1);
            if (correct) tally.Correct++;
            else tally.Misses.Add($"{call.Id}: {slot} = {predicted ?? "(missing)"} (expected {value})");
        }
        foreach (var (slot, value) in outcome.Slots)
        {
            if (!FromAgent(call, slot, value, extractor)) continue;
            tally.FromAgent++;
            tally.Misses.Add($"{call.Id}: {slot} = {value} was said by the agent only");
        }
    }

    /// <summary>A value listed as the agent's, or one the agent's lines hold and the caller's do not.</summary>
    private static bool FromAgent(HotlineCall call, string slot, string value, Understanding.Slots.SlotExtractor extractor)
    {
        if (call.AgentOnly?.GetValueOrDefault(slot) == value) return true;
        // An expected value is one the caller stated, even when only a repair (不对 是…) makes it whole.
        if (call.Expect.GetValueOrDefault(slot) == value) return false;
        bool Said(string speaker) => call.Utterances.Where(u => u.Speaker == speaker).Any(u =>
            extractor.ExtractSlots(u.Text, [slot], call.At).Candidates.Any(c => c.SlotId == slot && c.IsValid && c.Value == value));
        return Said(HotlineCall.Agent) && !Said(HotlineCall.Caller);
    }

    private static void Report(string path, string root, int calls, int expected, Tally ours, Tally theirs)
    {
        var shown = Path.GetRelativePath(root, Path.GetFullPath(path));
        Console.WriteLine($"## Call assist: {calls} calls, {expected} stated slot values ({shown})");
        Console.WriteLine();
        Console.WriteLine("| metric | ServiceBot call assist | chat engine, caller lines as turns | ratio |");
        Console.WriteLine("|---|---:|---:|---:|");
        Console.WriteLine(Row("slot values pre-filled correctly", (double)ours.Correct / expected, (double)theirs.Correct / expected, "F3",
            $"{ours.Correct}/{expected}", $"{theirs.Correct}/{expected}"));
        Console.WriteLine(Row("task recognised", (double)ours.TaskCorrect / calls, (double)theirs.TaskCorrect / calls, "F3",
            $"{ours.TaskCorrect}/{calls}", $"{theirs.TaskCorrect}/{calls}"));
        Console.WriteLine($"| values taken from agent lines | {ours.FromAgent} | {theirs.FromAgent} | |");
        Console.WriteLine(Row("latency per call p50 (ms)", Percentile(ours.Milliseconds, 0.50), Percentile(theirs.Milliseconds, 0.50), "F1"));
        Console.WriteLine(Row("latency per call p99 (ms)", Percentile(ours.Milliseconds, 0.99), Percentile(theirs.Milliseconds, 0.99), "F1"));
        Console.WriteLine();
        Console.WriteLine("| slot | stated values | ServiceBot call assist | chat engine, caller lines as turns |");
        Console.WriteLine("|---|---:|---:|---:|");
        foreach (var (slot, (correct, stated)) in ours.BySlot.OrderByDescending(s => s.Value.Expected).ThenBy(s => s.Key, StringComparer.Ordinal))
        {
            var peerCorrect = theirs.BySlot.GetValueOrDefault(slot).Correct;
            Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"| `{slot}` | {stated} | {(double)correct / stated:F3} | {(double)peerCorrect / stated:F3} |"));
        }
        Console.WriteLine();
        Console.WriteLine("ServiceBot misses:");
        foreach (var miss in ours.Misses) Console.WriteLine($"- {miss}");
        Console.WriteLine();
        Console.WriteLine("Chat engine misses:");
        foreach (var miss in theirs.Misses) Console.WriteLine($"- {miss}");
    }

    private static string Row(string metric, double ours, double theirs, string format, string? oursNote = null, string? theirsNote = null)
    {
        var ratio = theirs == 0 ? "" : (ours / theirs).ToString("F2", System.Globalization.CultureInfo.InvariantCulture);
        string Cell(double v, string? note) => v.ToString(format, System.Globalization.CultureInfo.InvariantCulture) + (note is null ? "" : $" ({note})");
        return $"| {metric} | {Cell(ours, oursNote)} | {Cell(theirs, theirsNote)} | {ratio} |";
    }

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        var index = (int)Math.Ceiling(p * sorted.Count) - 1;
        return sorted[Math.Clamp(index, 0, sorted.Count - 1)];
    }

    /// <summary>The offline answerer over an index already loaded.</summary>
    private sealed class ComposedAnswerer(KnowledgeBase knowledge, ExtractiveAnswerComposer composer) : IKnowledgeAnswerer
    {
        public Task<Answer> AnswerAsync(string question, CancellationToken cancellationToken) => Task.FromResult(composer.Compose(knowledge, question));
    }
}
