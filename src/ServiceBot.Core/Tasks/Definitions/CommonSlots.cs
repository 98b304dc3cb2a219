using ServiceBot.Understanding.Slots;

namespace ServiceBot.Tasks.Definitions;

/// <summary>Slots several tasks share, worded once.</summary>
internal static class CommonSlots
{
    public static SlotDefinition IdNumber { get; } = new()
    {
        Id = SlotIds.IdNumber, Label = "身份证号", Kind = SlotKind.IdNumber, Sensitive = true,
        Question = "请提供您的**身份证号码**（18位）。",
    };

    public static SlotDefinition Phone { get; } = new()
    {
        Id = SlotIds.Phone, Label = "手机号", Kind = SlotKind.Phone, Sensitive = true,
        Question = "请留下您的**手机号码**，方便工作人员联系您。",
    };

    public static SlotDefinition Amount(string label, string question) => new()
    {
        Id = SlotIds.Amount, Label = label, Kind = SlotKind.Amount, Question = question,
    };

    public static IReadOnlyDictionary<string, string> Map(params (string Parameter, string Slot)[] pairs)
        => pairs.ToDictionary(p => p.Parameter, p => p.Slot, StringComparer.Ordinal);
}
