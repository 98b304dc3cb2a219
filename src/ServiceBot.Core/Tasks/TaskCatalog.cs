using ServiceBot.Localization;
using ServiceBot.Tasks.Definitions;

namespace ServiceBot.Tasks;

/// <summary>The tasks the engine can run, by catalog name (CONTRACT §3).</summary>
public sealed class TaskCatalog
{
    private readonly Dictionary<string, TaskDefinition> _byName;

    public TaskCatalog(IEnumerable<TaskDefinition> definitions)
    {
        All = [.. definitions];
        _byName = All.ToDictionary(d => d.Name, StringComparer.Ordinal);
    }

    /// <summary>The catalog tasks (CONTRACT §3).</summary>
    public static TaskCatalog Default { get; } = new(
    [
        FundWithdrawalTask.Definition,
        InjuryReportTask.Definition,
        WageComplaintTask.Definition,
        InsuranceTransferTask.Definition,
        HotlineAppealTask.Definition,
        StationFinderTask.Definition,
        TicketStatusTask.Definition,
        ForeignEnterpriseRegistrationTask.Definition,
    ]);

    public IReadOnlyList<TaskDefinition> All { get; }

    public TaskDefinition? Find(string? name) => name is not null && _byName.TryGetValue(name, out var d) ? d : null;

    /// <summary>
    /// The task a message names outright, in either language: its menu prompt, or its display name with 办理 / the
    /// start choice (开始办理… / Start …).
    /// </summary>
    public TaskDefinition? FindNamedIn(string text)
    {
        var trimmed = text.Trim();
        return All.FirstOrDefault(d => d.MenuPrompt.InAllLanguages.Any(p => string.Equals(trimmed, p, StringComparison.OrdinalIgnoreCase)))
            ?? All.FirstOrDefault(d => StartChoices(d).Any(c => string.Equals(trimmed, c, StringComparison.OrdinalIgnoreCase)))
            ?? All.FirstOrDefault(d => trimmed.Contains(d.DisplayName.In(BotLanguages.Culture(BotLanguages.Chinese)), StringComparison.Ordinal)
                && trimmed.Contains("办理", StringComparison.Ordinal));
    }

    /// <summary>The quick reply that starts <paramref name="task"/> after a question about it, in the turn's language.</summary>
    public static string StartChoice(TaskDefinition task)
        => BotText.Format(nameof(BotTexts.Conversation_StartTaskChoice), task.DisplayName.Value);

    private static IEnumerable<string> StartChoices(TaskDefinition task)
        => BotLanguages.All.Select(BotLanguages.Culture).Select(culture => string.Format(culture,
            new BotText(nameof(BotTexts.Conversation_StartTaskChoice)).In(culture), task.DisplayName.In(culture)));

    /// <summary>The menu shown as quick replies after a greeting, in the turn's language.</summary>
    public IReadOnlyList<string> Menu => [.. All.Select(d => d.MenuPrompt.Value)];
}
