namespace ServiceBot.Analytics.Dashboard;

/// <summary>How the service did over a period of days in the service's zone (<c>GET /api/admin/dashboard</c>).</summary>
/// <param name="From">The first day, inclusive.</param>
/// <param name="To">The last day, inclusive.</param>
/// <param name="Days">Every day of the period, empty days included.</param>
/// <param name="Unanswered">The most frequent refused or out-of-scope questions, grouped by normalised text.</param>
public sealed record DashboardReport(
    DateOnly From,
    DateOnly To,
    string TimeZone,
    DashboardTotals Totals,
    DashboardRates Rates,
    Satisfaction Satisfaction,
    IReadOnlyList<DayCount> Days,
    IReadOnlyList<TaskFunnel> Funnels,
    IReadOnlyList<UnansweredQuestion> Unanswered);

/// <param name="Turns">Every user turn.</param>
/// <param name="Questions">Knowledge questions: grounded, refused and out of scope.</param>
/// <param name="HandedOff">Conversations with at least one turn handed to a person.</param>
public sealed record DashboardTotals(
    int Turns, int Conversations, int Users, int Questions, int Grounded, int Refused, int OutOfScope, int HandedOff);

/// <summary>Shares between 0 and 1; null when there is nothing to divide by.</summary>
/// <param name="Grounded">Grounded answers per question.</param>
/// <param name="Refusal">Refusals (the knowledge has no answer) per question.</param>
/// <param name="OutOfScope">Out-of-scope questions per question.</param>
/// <param name="Handoff">Conversations handed to a person per conversation.</param>
public sealed record DashboardRates(double? Grounded, double? Refusal, double? OutOfScope, double? Handoff);

/// <param name="Rate">Thumbs up per rating; null without ratings.</param>
public sealed record Satisfaction(int Up, int Down, double? Rate);

/// <param name="Channels">Turns per channel that day.</param>
public sealed record DayCount(DateOnly Date, int Total, IReadOnlyDictionary<string, int> Channels);

/// <summary>
/// The runs of one 一件事 opened in the period: <see cref="Started"/> → all slots given (<see cref="AllSlots"/>) →
/// <see cref="Confirmed"/> by the user (a submission was made) → accepted by the backend (<see cref="Submitted"/>).
/// </summary>
/// <param name="Abandoned">Runs that stopped before all slots were given, by the slot asked last.</param>
public sealed record TaskFunnel(string Task, string DisplayName, int Started, int AllSlots, int Confirmed, int Submitted,
    IReadOnlyList<SlotAbandonment> Abandoned);

/// <param name="Slot">The slot id, or an empty string when the run stopped before one was asked.</param>
public sealed record SlotAbandonment(string Slot, string Label, int Runs);

/// <param name="Question">The most recent wording of the group.</param>
public sealed record UnansweredQuestion(string Question, int Count, DateTimeOffset LastAskedAt);
