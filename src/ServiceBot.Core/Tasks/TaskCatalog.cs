using ServiceBot.Localization;
using ServiceBot.Tasks.Definitions;

namespace ServiceBot.Tasks;

/// <summary>The tasks the engine can run, by catalog name (CONTRACT §3).</summary>
public sealed class TaskCatalog
{
    private readonly Dictionary<string, TaskDefinition> _byName;

    // Every turn without an open form asks whether the message names a task; the texts are fixed, so they are indexed once.
    private readonly Lazy<(Dictionary<string, TaskDefinition> Prompts, Dictionary<string, TaskDefinition> StartChoices)> _named;

    public TaskCatalog(IEnumerable<TaskDefinition> definitions)
    {
        All = [.. definitions];
        _byName = All.ToDictionary(d => d.Name, StringComparer.Ordinal);
        _named = new(() => (IndexBy(d => d.MenuPrompt.InAllLanguages), IndexBy(StartChoices)));
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
        var (prompts, startChoices) = _named.Value;
        return prompts.GetValueOrDefault(trimmed)
            ?? startChoices.GetValueOrDefault(trimmed)
            ?? All.FirstOrDefault(d => trimmed.Contains(d.DisplayName.In(BotLanguages.Culture(BotLanguages.Chinese)), StringComparison.Ordinal)
                && trimmed.Contains("办理", StringComparison.Ordinal));
    }

    /// <summary>The quick reply that starts <paramref name="task"/> after a question about it, in the turn's language.</summary>
    public static string StartChoice(TaskDefinition task)
        => BotText.Format(nameof(BotTexts.Conversation_StartTaskChoice), task.DisplayName.Value);

    /// <summary>Each text of each task, case-insensitively; a text two tasks share names the first in catalog order.</summary>
    private Dictionary<string, TaskDefinition> IndexBy(Func<TaskDefinition, IEnumerable<string>> textsOf)
    {
        var index = new Dictionary<string, TaskDefinition>(StringComparer.OrdinalIgnoreCase);
        foreach (var task in All)
            foreach (var text in textsOf(task))
                index.TryAdd(text, task);
        return index;
    }

    private static IEnumerable<string> StartChoices(TaskDefinition task)
        => BotLanguages.All.Select(BotLanguages.Culture).Select(culture => string.Format(culture,
            new BotText(nameof(BotTexts.Conversation_StartTaskChoice)).In(culture), task.DisplayName.In(culture)));

    /// <summary>The menu shown as quick replies after a greeting, in the turn's language.</summary>
    public IReadOnlyList<string> Menu => [.. All.Select(d => d.MenuPrompt.Value)];
}
