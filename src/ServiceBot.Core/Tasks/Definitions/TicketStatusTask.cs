using System.Globalization;
using System.Text;
using ServiceBot.Backend;
using ServiceBot.Understanding.Intents;
using ServiceBot.Understanding.Slots;

namespace ServiceBot.Tasks.Definitions;

public static class TicketStatusTask
{
    public static TaskDefinition Definition { get; } = new()
    {
        Name = IntentNames.TicketStatus,
        DisplayName = "办件进度查询",
        MenuPrompt = "查询办件进度",
        Slots =
        [
            new SlotDefinition
            {
                Id = SlotIds.Ticket, Label = "办件编号", Kind = SlotKind.Ticket,
                Question = "请提供您的**办件编号**（例如 GJJ-20250601-000001）。",
            },
        ],
        Call = new BackendCall("Tickets", "GetTicket", CommonSlots.Map(("ticket", SlotIds.Ticket))),
        Present = (result, catalog) => Present(result as LookupResult<TicketInfo>, catalog),
    };

    private static LookupOutcome Present(LookupResult<TicketInfo>? result, TaskCatalog catalog)
    {
        if (result is not { Found: true, Value: { } ticket })
            return new LookupOutcome(false, (result?.Message ?? "未找到该办件。") + "\n\n请核对办件编号后重新输入。", SlotIds.Ticket);

        var task = catalog.Find(ticket.Task);
        var text = new StringBuilder();
        text.Append("办件 **").Append(ticket.Ticket).Append("**（").Append(task?.DisplayName ?? ticket.Task).AppendLine("）");
        text.Append("- 当前状态：**").Append(ticket.Status).AppendLine("**");
        text.Append("- 受理时间：").AppendLine(ticket.CreatedAt.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy年M月d日 HH:mm", CultureInfo.InvariantCulture));
        foreach (var (id, value) in ticket.Slots)
        {
            var slot = task?.Slot(id);
            text.Append("- ").Append(slot?.Label ?? id).Append('：').AppendLine(slot is null ? value : SlotFormatter.Display(slot, value));
        }
        return new LookupOutcome(true, text.ToString().TrimEnd());
    }
}
