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

    /// <summary>The task a message names outright: its menu prompt, or 开始办理/办理 plus its display name.</summary>
    public TaskDefinition? FindNamedIn(string text)
    {
        var trimmed = text.Trim();
        return All.FirstOrDefault(d => trimmed == d.MenuPrompt)
            ?? All.FirstOrDefault(d => trimmed.Contains(d.DisplayName, StringComparison.Ordinal) && trimmed.Contains("办理", StringComparison.Ordinal));
    }

    /// <summary>The menu shown as quick replies after a greeting.</summary>
    public IReadOnlyList<string> Menu => [.. All.Select(d => d.MenuPrompt)];
}
