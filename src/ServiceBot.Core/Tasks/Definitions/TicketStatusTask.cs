using System.Globalization;
using System.Text;
using ServiceBot.Backend;
using ServiceBot.Text;
using ServiceBot.Understanding.Intents;
using ServiceBot.Understanding.Slots;

namespace ServiceBot.Tasks.Definitions;

/// <summary>
/// 办件进度查询. Only the ticket's owner sees its details: the channel user it was issued to, or someone who gives the
/// applicant's ID number (a foreign applicant: passport number) with it. Everyone else gets the same refusal whether or not the ticket exists, so ticket
/// numbers cannot be probed.
/// </summary>
public static class TicketStatusTask
{
    public const string NotYours =
        "抱歉，没有查到您名下的这个办件。为保护个人信息，只能查询您本人申请的办件。\n\n" +
        "请核对办件编号；如果是在其他渠道或由他人代为申请的，请把办件编号和申请人的18位身份证号码（外籍申请人请提供护照号码）一起发给我，" +
        "例如“查询办件 GJJ-20250601-7KQ4M2XP，身份证号……”。";

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
            // Never asked for: taken when the user gives it, to prove a ticket issued elsewhere is theirs.
            CommonSlots.IdNumber with { Label = "申请人身份证号", Required = false },
            new SlotDefinition
            {
                Id = SlotIds.Passport, Label = "申请人护照号码", Kind = SlotKind.Passport, Sensitive = true, Required = false,
                Question = "请提供申请人的**护照号码**。",
            },
        ],
        Call = new BackendCall("Tickets", "GetTicket", CommonSlots.Map(("ticket", SlotIds.Ticket))),
        Present = (result, context) => Present(result as LookupResult<TicketInfo>, context),
    };

    private static LookupOutcome Present(LookupResult<TicketInfo>? result, LookupContext context)
    {
        if (result is not { Found: true, Value: { } ticket } || !IsOwner(ticket, context))
            return new LookupOutcome(false, NotYours, SlotIds.Ticket);

        var task = context.Catalog.Find(ticket.Task);
        var text = new StringBuilder();
        text.Append("办件 **").Append(ticket.Ticket).Append("**（").Append(task?.DisplayName ?? ticket.Task).AppendLine("）");
        text.Append("- 当前状态：**").Append(ticket.Status).AppendLine("**");
        text.Append("- 受理时间：").AppendLine(ticket.CreatedAt.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy年M月d日 HH:mm", CultureInfo.InvariantCulture));
        foreach (var (id, value) in ticket.Slots)
        {
            var slot = task?.Slot(id);
            text.Append("- ").Append(slot?.Label ?? id).Append('：')
                .AppendLine(slot is null ? MarkdownInline.Escape(SlotFormatter.MaskBySlotId(id, value)) : SlotFormatter.Markdown(slot, value));
        }
        return new LookupOutcome(true, text.ToString().TrimEnd());
    }

    private static bool IsOwner(TicketInfo ticket, LookupContext context)
        => context.IssuedTickets.Contains(ticket.Ticket, StringComparer.OrdinalIgnoreCase)
            || GivesApplicantDocument(ticket, context, SlotIds.IdNumber)
            || GivesApplicantDocument(ticket, context, SlotIds.Passport);

    private static bool GivesApplicantDocument(TicketInfo ticket, LookupContext context, string documentSlot)
        => context.Given.GetValueOrDefault(documentSlot) is { } given
            && ticket.Slots.GetValueOrDefault(documentSlot) is { } applicant
            && string.Equals(given, applicant, StringComparison.OrdinalIgnoreCase);
}
