using ServiceBot.Conversation;
using ServiceBot.Storage;
using ServiceBot.Tasks;
using ServiceBot.Text;

namespace ServiceBot.Analytics.Dashboard;

/// <summary>Builds the <see cref="DashboardReport"/> of a period from the turn analytics and the feedback store.</summary>
public sealed class DashboardBuilder(ITurnAnalyticsStore turns, IFeedbackStore feedback, TaskCatalog catalog, ServiceTimeProvider clock)
{
    public const int UnansweredLimit = 20;

    /// <summary>The longest period one report covers; longer ones are refused as bad input.</summary>
    public const int MaxDays = 366;

    private static readonly HashSet<string> PastAllSlots = ["confirming", "submitted", "failed"];
    private static readonly HashSet<string> PastConfirmation = ["submitted", "failed"];

    public async Task<DashboardReport> BuildAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var zone = clock.LocalTimeZone;
        var start = StartOf(from, zone);
        var end = StartOf(to.AddDays(1), zone);
        var rows = await turns.ListAsync(start, end, null, cancellationToken);
        var ratings = await feedback.ListBetweenAsync(start, end, cancellationToken);

        var questions = rows.Count(r => TurnOutcomes.KeepsQuestion(r.Outcome));
        var grounded = rows.Count(r => r.Outcome == TurnOutcomes.Grounded);
        var refused = rows.Count(r => r.Outcome == TurnOutcomes.Refusal);
        var outOfScope = rows.Count(r => r.Outcome == TurnOutcomes.OutOfScope);
        var conversations = rows.Select(r => r.ConversationId).Distinct(StringComparer.Ordinal).Count();
        var handedOff = rows.Where(r => r.Outcome == TurnOutcomes.Handoff).Select(r => r.ConversationId).Distinct(StringComparer.Ordinal).Count();
        var up = ratings.Count(r => r.Rating == "up");
        var down = ratings.Count(r => r.Rating == "down");

        return new DashboardReport(
            from, to, zone.Id,
            new DashboardTotals(rows.Count, conversations, rows.Select(r => r.Channel + "\n" + r.UserHash).Distinct(StringComparer.Ordinal).Count(),
                questions, grounded, refused, outOfScope, handedOff),
            new DashboardRates(Share(grounded, questions), Share(refused, questions), Share(outOfScope, questions), Share(handedOff, conversations)),
            new Satisfaction(up, down, Share(up, up + down)),
            Days(rows, from, to, zone),
            Funnels(rows),
            Unanswered(rows));
    }

    private static DateTimeOffset StartOf(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    private static double? Share(int part, int whole) => whole == 0 ? null : Math.Round((double)part / whole, 4);

    private static List<DayCount> Days(IReadOnlyList<RecordedTurn> rows, DateOnly from, DateOnly to, TimeZoneInfo zone)
    {
        var byDay = rows.GroupBy(r => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(r.At, zone).DateTime)).ToDictionary(g => g.Key);
        var days = new List<DayCount>();
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            var channels = byDay.TryGetValue(day, out var group)
                ? group.GroupBy(r => r.Channel, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
                    .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal)
                : new Dictionary<string, int>(StringComparer.Ordinal);
            days.Add(new DayCount(day, channels.Values.Sum(), channels));
        }
        return days;
    }

    private List<TaskFunnel> Funnels(IReadOnlyList<RecordedTurn> rows)
    {
        var runs = rows.Where(r => r.TaskRun is not null && r.TaskName is not null)
            .GroupBy(r => (Conversation: r.ConversationId, Run: r.TaskRun!))
            .Select(g => g.ToList())
            .ToList();
        var funnels = new List<TaskFunnel>();
        foreach (var task in runs.GroupBy(run => run[0].TaskName!, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var definition = catalog.Find(task.Key);
            var abandoned = task
                .Where(run => !run.Any(r => PastAllSlots.Contains(r.TaskState ?? "")) && run[^1].TaskState is "cancelled" or "collecting")
                .GroupBy(run => run.LastOrDefault(r => r.AskedSlot is not null)?.AskedSlot ?? "", StringComparer.Ordinal)
                .Select(g => new SlotAbandonment(g.Key, definition?.Slot(g.Key)?.Label ?? g.Key, g.Count()))
                .OrderByDescending(a => a.Runs).ThenBy(a => a.Slot, StringComparer.Ordinal)
                .ToList();
            funnels.Add(new TaskFunnel(task.Key, definition?.DisplayName ?? task.Key,
                task.Count(),
                task.Count(run => run.Any(r => PastAllSlots.Contains(r.TaskState ?? ""))),
                task.Count(run => run.Any(r => PastConfirmation.Contains(r.TaskState ?? ""))),
                task.Count(run => run.Any(r => r.TaskState == "submitted")),
                abandoned));
        }
        return funnels;
    }

    /// <summary>Refused and out-of-scope questions grouped by their normalised text; the most asked first.</summary>
    private static List<UnansweredQuestion> Unanswered(IReadOnlyList<RecordedTurn> rows)
        => [.. rows.Where(r => TurnOutcomes.IsUnanswered(r.Outcome) && r.Question is not null)
            .GroupBy(r => NormalizedQuestion(r.Question!), StringComparer.Ordinal)
            .Select(g => new UnansweredQuestion(g.Last().Question!, g.Count(), g.Last().At))
            .OrderByDescending(q => q.Count).ThenByDescending(q => q.LastAskedAt).ThenBy(q => q.Question, StringComparer.Ordinal)
            .Take(UnansweredLimit)];

    /// <summary>Width, case, spaces and punctuation folded away: 骑手 抽成多少？ and 骑手抽成多少 are one question.</summary>
    public static string NormalizedQuestion(string question)
        => new([.. TextNormalizer.Normalize(question).Where(c => !char.IsWhiteSpace(c) && !char.IsPunctuation(c) && !char.IsSymbol(c))]);
}
