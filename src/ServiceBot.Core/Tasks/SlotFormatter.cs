using System.Globalization;
using ServiceBot.Localization;
using ServiceBot.Text;

namespace ServiceBot.Tasks;

/// <summary>Shows a stored slot value to the user: readable, and masked when the slot is sensitive.</summary>
public static class SlotFormatter
{
    public static string Display(SlotDefinition slot, string value) => slot.Kind switch
    {
        SlotKind.IdNumber when slot.Sensitive => MaskIdNumber(value),
        SlotKind.BankCard when slot.Sensitive => MaskBankCard(value),
        SlotKind.Phone when slot.Sensitive => MaskPhone(value),
        SlotKind.Passport when slot.Sensitive => MaskPassport(value),
        SlotKind.Amount => BotText.Format(nameof(BotTexts.Format_Amount), value),
        SlotKind.Date => ReadableDate(value),
        SlotKind.Choice => slot.Choices.GetValueOrDefault(value)?.Value ?? value,
        SlotKind.DateTime => ReadableTime(value),
        _ => value,
    };

    /// <summary>
    /// <see cref="Display"/> for a Markdown reply: escaped, so mask stars stay stars and a typed link stays text.
    /// </summary>
    public static string Markdown(SlotDefinition slot, string value) => MarkdownInline.Escape(Display(slot, value));

    /// <summary>The value as it may leave the server: personal numbers masked, everything else as stored.</summary>
    public static string Masked(SlotDefinition slot, string value) => slot.Kind switch
    {
        SlotKind.IdNumber when slot.Sensitive => MaskIdNumber(value),
        SlotKind.BankCard when slot.Sensitive => MaskBankCard(value),
        SlotKind.Phone when slot.Sensitive => MaskPhone(value),
        SlotKind.Passport when slot.Sensitive => MaskPassport(value),
        _ => value,
    };

    /// <summary>A task's slots as they may leave the server; slots the definition does not know are masked whole.</summary>
    public static IReadOnlyDictionary<string, string> Masked(TaskDefinition? definition, IReadOnlyDictionary<string, string> slots)
        => slots.ToDictionary(s => s.Key, s => definition?.Slot(s.Key) is { } slot ? Masked(slot, s.Value) : Stars(s.Value.Length), StringComparer.Ordinal);

    /// <summary>
    /// Masks a personal number by its catalog slot id (CONTRACT §3 fixes the ids), for callers that hold slots without
    /// their task definition: the chat API's task snapshot and the sandbox's reads.
    /// </summary>
    public static string MaskBySlotId(string slotId, string value) => slotId switch
    {
        "id_number" => MaskIdNumber(value),
        "bank_card" => MaskBankCard(value),
        "phone" => MaskPhone(value),
        "passport" => MaskPassport(value),
        _ => value,
    };

    /// <summary>PK****567, E*****678: the letters and the last three digits, enough for the holder to recognise it.</summary>
    public static string MaskPassport(string passport)
    {
        if (passport.Length < 6) return Stars(passport.Length);
        var letters = passport.TakeWhile(char.IsAsciiLetter).Take(2).Count();
        return passport[..letters] + Stars(passport.Length - letters - 3) + passport[^3..];
    }

    /// <summary>1304**********4510: region prefix and last four, so the user can recognise it.</summary>
    public static string MaskIdNumber(string id)
        => id.Length < 10 ? Stars(id.Length) : id[..4] + Stars(id.Length - 8) + id[^4..];

    /// <summary>6217 **** **** 0122, whatever the card's length.</summary>
    public static string MaskBankCard(string card)
        => card.Length < 10 ? Stars(card.Length) : $"{card[..4]} **** **** {card[^4..]}";

    /// <summary>138****1111.</summary>
    public static string MaskPhone(string phone)
        => phone.Length != 11 ? Stars(phone.Length) : phone[..3] + "****" + phone[^4..];

    private static string ReadableDate(string iso)
        => DateOnly.TryParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? Understanding.Slots.AppointmentDateValidator.Readable(day)
            : iso;

    private static string ReadableTime(string iso)
        => DateTimeOffset.TryParse(iso, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) ? ReadableTime(at) : iso;

    /// <summary>A moment as the user reads it, in the turn's language (its own offset kept).</summary>
    public static string ReadableTime(DateTimeOffset at)
        => at.ToString(BotText.Get(nameof(BotTexts.Format_DateTime)), CultureInfo.InvariantCulture);

    private static string Stars(int count) => new('*', Math.Max(count, 0));
}
