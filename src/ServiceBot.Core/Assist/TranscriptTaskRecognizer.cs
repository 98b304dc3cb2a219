using ServiceBot.Conversation;
using ServiceBot.Tasks;
using ServiceBot.Understanding.Intents;
using ServiceBot.Understanding.Slots;

namespace ServiceBot.Assist;

/// <summary>
/// Names the side-effect task a transcript is about. A call is long and most of its lines (喂, 对, numbers) say
/// nothing about the task, so each user line is classified on its own and the evidence adds up: the classifier's
/// probability for each task (a question about a task counts for its topic), plus a bonus for every value only that
/// task takes (a bank card, a platform, an employer, a city to transfer to).
/// </summary>
public sealed class TranscriptTaskRecognizer(TaskCatalog catalog, ConversationUnderstanding understanding)
{
    /// <summary>Below this much evidence the transcript is not about a task (a policy question, a greeting).</summary>
    public const double MinimumEvidence = 0.6;

    private const double DistinctiveSlotBonus = 0.5;

    /// <summary>Values that point at one task only.</summary>
    private static readonly Dictionary<string, string> DistinctiveSlots = new(StringComparer.Ordinal)
    {
        [SlotIds.BankCard] = IntentNames.FundWithdrawal,
        [SlotIds.Reason] = IntentNames.FundWithdrawal,
        [SlotIds.Platform] = IntentNames.InjuryReport,
        [SlotIds.Injury] = IntentNames.InjuryReport,
        [SlotIds.Employer] = IntentNames.WageComplaint,
        [SlotIds.Period] = IntentNames.WageComplaint,
        [SlotIds.InsuranceType] = IntentNames.InsuranceTransfer,
    };

    private readonly IReadOnlyList<TaskDefinition> _tasks = [.. catalog.All.Where(t => t.HasSideEffect)];
    private readonly string[] _allSlotIds = [.. catalog.All.Where(t => t.HasSideEffect).SelectMany(t => t.SlotIds).Distinct()];

    /// <returns>The task with the most evidence, or null when none has enough.</returns>
    public TaskDefinition? Recognize(IReadOnlyList<string> userLines, DateTimeOffset at)
    {
        var evidence = _tasks.ToDictionary(t => t.Name, _ => 0.0, StringComparer.Ordinal);
        foreach (var line in userLines)
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            var prediction = understanding.Intents.Classify(line);
            var taskQuestion = prediction.Ranked.FirstOrDefault(r => r.Intent == IntentNames.TaskQuestion).Score;
            foreach (var (intent, score) in prediction.Ranked)
                if (evidence.ContainsKey(intent)) evidence[intent] += score;
            if (prediction.Topic is { } topic && evidence.ContainsKey(topic)) evidence[topic] += taskQuestion;

            var found = understanding.Slots.ExtractSlots(line, _allSlotIds, at).Candidates
                .Where(c => c.IsValid && DistinctiveSlots.ContainsKey(c.SlotId))
                .Select(c => DistinctiveSlots[c.SlotId])
                .Distinct();
            foreach (var task in found) evidence[task] += DistinctiveSlotBonus;
        }
        var best = evidence.MaxBy(e => e.Value);
        return best.Value >= MinimumEvidence ? catalog.Find(best.Key) : null;
    }
}
