using ServiceBot.Localization;
using ServiceBot.Understanding.Intents;
using ServiceBot.Understanding.Slots;

namespace ServiceBot.Tasks.Definitions;

public static class HotlineAppealTask
{
    public static TaskDefinition Definition { get; } = new()
    {
        Name = IntentNames.HotlineAppeal,
        DisplayName = new(nameof(BotTexts.HotlineAppeal_DisplayName)),
        MenuPrompt = new(nameof(BotTexts.HotlineAppeal_MenuPrompt)),
        Slots =
        [
            new SlotDefinition
            {
                Id = SlotIds.Description, Label = new(nameof(BotTexts.HotlineAppeal_Description_Label)), Kind = SlotKind.Text,
                Question = new(nameof(BotTexts.HotlineAppeal_Description_Question)),
            },
            new SlotDefinition
            {
                Id = SlotIds.Location, Label = new(nameof(BotTexts.HotlineAppeal_Location_Label)), Kind = SlotKind.Text,
                Question = new(nameof(BotTexts.HotlineAppeal_Location_Question)),
            },
            CommonSlots.Phone,
            // Files the ticket under the person when volunteered; never asked for.
            CommonSlots.IdNumber with { Required = false },
        ],
        Call = new BackendCall("Hotline", "SubmitAppeal", CommonSlots.Map(
            ("description", SlotIds.Description), ("location", SlotIds.Location), ("phone", SlotIds.Phone), ("idNumber", SlotIds.IdNumber))),
        ConfirmationNote = new(nameof(BotTexts.HotlineAppeal_ConfirmationNote)),
    };
}
