using ServiceBot.Localization;
using ServiceBot.Understanding.Intents;
using ServiceBot.Understanding.Slots;

namespace ServiceBot.Tasks.Definitions;

public static class InjuryReportTask
{
    public static TaskDefinition Definition { get; } = new()
    {
        Name = IntentNames.InjuryReport,
        DisplayName = new(nameof(BotTexts.InjuryReport_DisplayName)),
        MenuPrompt = new(nameof(BotTexts.InjuryReport_MenuPrompt)),
        Slots =
        [
            CommonSlots.IdNumber,
            new SlotDefinition
            {
                Id = SlotIds.Platform, Label = new(nameof(BotTexts.InjuryReport_Platform_Label)), Kind = SlotKind.Text,
                Question = new(nameof(BotTexts.InjuryReport_Platform_Question)),
                Suggestions =
                [
                    new(nameof(BotTexts.Platform_Meituan)),
                    new(nameof(BotTexts.Platform_Eleme)),
                    new(nameof(BotTexts.Platform_Didi)),
                    new(nameof(BotTexts.Platform_SfExpress)),
                    new(nameof(BotTexts.Platform_Lalamove)),
                ],
            },
            new SlotDefinition
            {
                Id = SlotIds.AccidentTime, Label = new(nameof(BotTexts.InjuryReport_AccidentTime_Label)), Kind = SlotKind.DateTime,
                Question = new(nameof(BotTexts.InjuryReport_AccidentTime_Question)),
            },
            new SlotDefinition
            {
                Id = SlotIds.AccidentPlace, Label = new(nameof(BotTexts.InjuryReport_AccidentPlace_Label)), Kind = SlotKind.Text,
                Question = new(nameof(BotTexts.InjuryReport_AccidentPlace_Question)),
            },
            new SlotDefinition
            {
                Id = SlotIds.Injury, Label = new(nameof(BotTexts.InjuryReport_Injury_Label)), Kind = SlotKind.Text,
                Question = new(nameof(BotTexts.InjuryReport_Injury_Question)),
            },
            CommonSlots.Phone,
        ],
        Call = new BackendCall("Injury", "SubmitReport", CommonSlots.Map(
            ("idNumber", SlotIds.IdNumber), ("platform", SlotIds.Platform), ("accidentTime", SlotIds.AccidentTime),
            ("accidentPlace", SlotIds.AccidentPlace), ("injury", SlotIds.Injury), ("phone", SlotIds.Phone))),
        ConfirmationNote = new(nameof(BotTexts.InjuryReport_ConfirmationNote)),
        RetrySlots = new Dictionary<string, string> { ["person_not_found"] = SlotIds.IdNumber },
    };
}
