using ServiceBot.Localization;
using ServiceBot.Understanding.Intents;
using ServiceBot.Understanding.Slots;

namespace ServiceBot.Tasks.Definitions;

public static class WageComplaintTask
{
    public static TaskDefinition Definition { get; } = new()
    {
        Name = IntentNames.WageComplaint,
        DisplayName = new(nameof(BotTexts.WageComplaint_DisplayName)),
        MenuPrompt = new(nameof(BotTexts.WageComplaint_MenuPrompt)),
        Slots =
        [
            CommonSlots.IdNumber,
            new SlotDefinition
            {
                Id = SlotIds.Employer, Label = new(nameof(BotTexts.WageComplaint_Employer_Label)), Kind = SlotKind.Text,
                Question = new(nameof(BotTexts.WageComplaint_Employer_Question)),
            },
            CommonSlots.Amount(new(nameof(BotTexts.WageComplaint_Amount_Label)), new(nameof(BotTexts.WageComplaint_Amount_Question))),
            new SlotDefinition
            {
                Id = SlotIds.Period, Label = new(nameof(BotTexts.WageComplaint_Period_Label)), Kind = SlotKind.Period,
                Question = new(nameof(BotTexts.WageComplaint_Period_Question)),
            },
            CommonSlots.Phone,
        ],
        Call = new BackendCall("LabourInspection", "SubmitWageComplaint", CommonSlots.Map(
            ("idNumber", SlotIds.IdNumber), ("employer", SlotIds.Employer), ("amount", SlotIds.Amount),
            ("period", SlotIds.Period), ("phone", SlotIds.Phone))),
        ConfirmationNote = new(nameof(BotTexts.WageComplaint_ConfirmationNote)),
        RetrySlots = new Dictionary<string, string> { ["person_not_found"] = SlotIds.IdNumber },
    };
}
