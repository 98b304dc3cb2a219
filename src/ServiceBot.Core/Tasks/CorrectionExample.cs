using ServiceBot.Localization;

namespace ServiceBot.Tasks;

/// <summary>
/// The example in "change it by saying, e.g. …" hints: it names a slot of the task in hand (手机号改成13900002222,
/// "change the phone number to 13900002222"), never one the task does not have.
/// </summary>
public static class CorrectionExample
{
    // Slots people most often get wrong and can retype at once come first.
    private static readonly SlotKind[] Preferred = [SlotKind.Phone, SlotKind.Amount, SlotKind.City, SlotKind.Choice];

    public static string For(TaskDefinition definition)
    {
        var slot = Preferred.Select(kind => definition.Slots.FirstOrDefault(s => s.Kind == kind)).FirstOrDefault(s => s is not null)
            ?? definition.Slots[^1];
        return BotText.Format(nameof(BotTexts.Forms_CorrectionExample), slot.Label.Value, ExampleValue(slot));
    }

    private static string ExampleValue(SlotDefinition slot) => slot.Kind switch
    {
        SlotKind.Phone => "13900002222",
        SlotKind.Amount => "2000",
        SlotKind.City => BotText.Get(nameof(BotTexts.Forms_ExampleCity)),
        SlotKind.Choice when slot.Choices.Count > 1 => slot.Choices.Values.ElementAt(1).Value,
        _ => BotText.Get(nameof(BotTexts.Forms_ExampleValue)),
    };
}
