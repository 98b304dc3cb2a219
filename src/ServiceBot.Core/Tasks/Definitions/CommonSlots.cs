using ServiceBot.Localization;
using ServiceBot.Understanding.Slots;

namespace ServiceBot.Tasks.Definitions;

/// <summary>Slots several tasks share, worded once.</summary>
internal static class CommonSlots
{
    public static SlotDefinition IdNumber { get; } = new()
    {
        Id = SlotIds.IdNumber, Label = new(nameof(BotTexts.Slot_IdNumber_Label)), Kind = SlotKind.IdNumber, Sensitive = true,
        Question = new(nameof(BotTexts.Slot_IdNumber_Question)),
    };

    public static SlotDefinition Phone { get; } = new()
    {
        Id = SlotIds.Phone, Label = new(nameof(BotTexts.Slot_Phone_Label)), Kind = SlotKind.Phone, Sensitive = true,
        Question = new(nameof(BotTexts.Slot_Phone_Question)),
    };

    public static SlotDefinition Amount(BotText label, BotText question) => new()
    {
        Id = SlotIds.Amount, Label = label, Kind = SlotKind.Amount, Question = question,
    };

    public static IReadOnlyDictionary<string, string> Map(params (string Parameter, string Slot)[] pairs)
        => pairs.ToDictionary(p => p.Parameter, p => p.Slot, StringComparer.Ordinal);
}
