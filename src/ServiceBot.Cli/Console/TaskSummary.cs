using ServiceBot.Conversation;
using ServiceBot.Tasks;

namespace ServiceBot.Cli;

/// <summary>The task card as one line in Chinese: 住房公积金提取 · 填写中 · 待填：身份证号、提取原因.</summary>
public static class TaskSummary
{
    private static readonly Dictionary<string, string> States = new(StringComparer.Ordinal)
    {
        ["collecting"] = "填写中", ["confirming"] = "待确认", ["submitted"] = "已提交", ["cancelled"] = "已取消", ["failed"] = "未办成",
    };

    public static string Describe(TaskSnapshot task, TaskCatalog catalog)
    {
        var definition = catalog.Find(task.Name);
        var parts = new List<string> { definition?.DisplayName ?? task.Name, States.GetValueOrDefault(task.State, task.State) };
        if (task.Missing.Count > 0) parts.Add("待填：" + string.Join("、", task.Missing.Select(id => definition?.Slot(id)?.Label ?? id)));
        if (task.Ticket is not null) parts.Add("办件编号：" + task.Ticket);
        return string.Join(" · ", parts);
    }
}
