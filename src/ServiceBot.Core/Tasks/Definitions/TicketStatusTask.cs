using System.Globalization;
using System.Text;
using ServiceBot.Backend;
using ServiceBot.Text;
using ServiceBot.Localization;
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
    /// <summary>The same refusal whether or not the ticket exists.</summary>
    public static BotText NotYours { get; } = new(nameof(BotTexts.Tickets_NotYours));

    /// <summary>The backend's statuses, worded in the user's language; others are shown as the backend gives them.</summary>
    private static readonly IReadOnlyDictionary<string, BotText> Statuses = new Dictionary<string, BotText>(StringComparer.Ordinal)
    {
        ["已受理"] = new(nameof(BotTexts.TicketStatus_Received)),
        ["办理中"] = new(nameof(BotTexts.TicketStatus_InProgress)),
        ["已办结"] = new(nameof(BotTexts.TicketStatus_Completed)),
    };

    /// <summary>Every text the status may show, for checks that each exists in every language.</summary>
    public static IEnumerable<BotText> ValueTexts => [NotYours, .. Statuses.Values];

    public static TaskDefinition Definition { get; } = new()
    {
        Name = IntentNames.TicketStatus,
        DisplayName = new(nameof(BotTexts.TicketStatus_DisplayName)),
        MenuPrompt = new(nameof(BotTexts.TicketStatus_MenuPrompt)),
        Slots =
        [
            new SlotDefinition
            {
                Id = SlotIds.Ticket, Label = new(nameof(BotTexts.TicketStatus_Ticket_Label)), Kind = SlotKind.Ticket,
                Question = new(nameof(BotTexts.TicketStatus_Ticket_Question)),
            },
            // Never asked for: taken when the user gives it, to prove a ticket issued elsewhere is theirs.
            CommonSlots.IdNumber with { Label = new(nameof(BotTexts.Slot_ApplicantIdNumber_Label)), Required = false },
            new SlotDefinition
            {
                Id = SlotIds.Passport, Label = new(nameof(BotTexts.TicketStatus_Passport_Label)), Kind = SlotKind.Passport, Sensitive = true, Required = false,
                Question = new(nameof(BotTexts.TicketStatus_Passport_Question)),
            },
        ],
        Call = new BackendCall("Tickets", "GetTicket", CommonSlots.Map(("ticket", SlotIds.Ticket))),
        Present = (result, context) => Present(result as LookupResult<TicketInfo>, context),
    };

    private static LookupOutcome Present(LookupResult<TicketInfo>? result, LookupContext context)
    {
        if (result is not { Found: true, Value: { } ticket } || !IsOwner(ticket, context))
            return new LookupOutcome(false, NotYours.Value, SlotIds.Ticket);

        var task = context.Catalog.Find(ticket.Task);
        var text = new StringBuilder();
        text.AppendLine(BotText.Format(nameof(BotTexts.Tickets_Heading), ticket.Ticket, task?.DisplayName.Value ?? ticket.Task));
        text.AppendLine(BotText.Format(nameof(BotTexts.Tickets_Status), Statuses.GetValueOrDefault(ticket.Status)?.Value ?? ticket.Status));
        text.AppendLine(BotText.Format(nameof(BotTexts.Tickets_CreatedAt), SlotFormatter.ReadableTime(ticket.CreatedAt.ToOffset(TimeSpan.FromHours(8)))));
        foreach (var (id, value) in ticket.Slots)
        {
            var slot = task?.Slot(id);
            text.AppendLine(BotText.Format(nameof(BotTexts.Forms_ConfirmLine), slot?.Label.Value ?? id,
                slot is null ? MarkdownInline.Escape(SlotFormatter.MaskBySlotId(id, value)) : SlotFormatter.Markdown(slot, value)));
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
