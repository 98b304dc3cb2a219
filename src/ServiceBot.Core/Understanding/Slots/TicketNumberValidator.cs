using ServiceBot.Localization;
using System.Text.RegularExpressions;

namespace ServiceBot.Understanding.Slots;

/// <summary>
/// Ticket (办件编号) such as GJJ-20250601-7KQ4M2XP. Permissive on purpose: the backend is the judge of
/// whether a ticket exists; this only rejects what cannot be a ticket at all.
/// </summary>
public static partial class TicketNumberValidator
{
    public static SlotValidation Validate(string? raw)
    {
        var ticket = raw is null ? "" : new string(raw.Trim().Where(c => c is not (' ' or '\u3000')).ToArray()).ToUpperInvariant();
        if (ticket.Length == 0) return SlotValidation.Invalid(BotText.Get(nameof(BotTexts.Validation_TicketMissing)));
        if (!TicketShape().IsMatch(ticket))
            return SlotValidation.Invalid(BotText.Get(nameof(BotTexts.Validation_TicketFormat)));
        return SlotValidation.Valid(ticket);
    }

    [GeneratedRegex(@"^[A-Z0-9][A-Z0-9-]{3,39}$")]
    private static partial Regex TicketShape();
}
