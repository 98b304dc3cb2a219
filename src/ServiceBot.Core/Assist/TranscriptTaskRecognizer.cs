using ServiceBot.Conversation;
using ServiceBot.Tasks;
using ServiceBot.Understanding.Intents;
using ServiceBot.Understanding.Slots;

namespace ServiceBot.Assist;

/// <summary>
/// Names the side-effect task a transcript is about. A call is long and most of its lines (喂, 对, numbers) say
/// nothing about the task, so each user line is classified on its own and the evidence adds up: the classifier's
/// probability for each task (a question about a task counts for its topic), plus a bonus for every value only that
/// task takes (a bank card, a platform, an employer, a city to transfer to). A caller who states a problem that no
/// other task takes (出租车拒载, 暖气不热) is making a 12345 appeal.
/// </summary>
public sealed partial class TranscriptTaskRecognizer(TaskCatalog catalog, ConversationUnderstanding understanding)
{
    /// <summary>Below this much evidence the transcript is not about a task (a policy question, a greeting).</summary>
    public const double MinimumEvidence = 0.6;

    private const double DistinctiveSlotBonus = 0.5;

    /// <summary>Clauses shorter than this (喂, 对对, 你好) say nothing about the task on their own.</summary>
    private const int MinimumClauseLength = 4;

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
    private readonly HashSet<string> _taskNames = [.. catalog.All.Where(t => t.HasSideEffect).Select(t => t.Name)];
    private readonly string[] _allSlotIds = [.. catalog.All.Where(t => t.HasSideEffect).SelectMany(t => t.SlotIds).Distinct()];

    /// <summary>
    /// Each task's probability for one line: a long spoken line holds several sentences (我刚下火车 在南广场出口
    /// 出租车拒载), so each pause-delimited clause is classified too and a task keeps its best score.
    /// </summary>
    private Dictionary<string, double> LineEvidence(string line)
    {
        var scores = new Dictionary<string, double>(StringComparer.Ordinal);
        var parts = FreeTextSlots.Clauses(line).Select(c => line.Substring(c.Start, c.Length)).Where(c => c.Length >= MinimumClauseLength).ToList();
        if (parts.Count < 2) parts.Clear();
        foreach (var text in parts.Prepend(line))
        {
            var prediction = understanding.Intents.Classify(text);
            var taskQuestion = prediction.Ranked.FirstOrDefault(r => r.Intent == IntentNames.TaskQuestion).Score;
            var own = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var (intent, score) in prediction.Ranked)
                if (_taskNames.Contains(intent)) own[intent] = score;
            if (prediction.Topic is { } topic && _taskNames.Contains(topic)) own[topic] = own.GetValueOrDefault(topic) + taskQuestion;
            foreach (var (intent, score) in own)
                scores[intent] = Math.Max(scores.GetValueOrDefault(intent), score);
        }
        return scores;
    }

    /// <returns>The task with the most evidence, or null when none has enough.</returns>
    public TaskDefinition? Recognize(IReadOnlyList<string> userLines, DateTimeOffset at)
    {
        var evidence = _tasks.ToDictionary(t => t.Name, _ => 0.0, StringComparer.Ordinal);
        foreach (var line in userLines)
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            foreach (var (intent, score) in LineEvidence(line))
                evidence[intent] += score;

            // A month in a complaint (都十一月了 暖气还不热) is a wage period only when wages are spoken of.
            var wages = WageWord().IsMatch(line);
            var found = understanding.Slots.ExtractSlots(line, _allSlotIds, at).Candidates
                .Where(c => c.IsValid && DistinctiveSlots.ContainsKey(c.SlotId) && (c.SlotId != SlotIds.Period || wages))
                .Select(c => DistinctiveSlots[c.SlotId])
                .Distinct();
            foreach (var task in found) evidence[task] += DistinctiveSlotBonus;
        }
        var best = evidence.MaxBy(e => e.Value);
        if (best.Value >= MinimumEvidence) return catalog.Find(best.Key);
        return userLines.Any(l => !string.IsNullOrWhiteSpace(l) && CallerSlotReader.StatesProblem(l)) ? catalog.Find(IntentNames.HotlineAppeal) : null;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"工资|工钱|薪|欠|发钱|结钱|没发|没给")]
    private static partial System.Text.RegularExpressions.Regex WageWord();
}
