using ServiceBot.Localization;
using ServiceBot.Understanding.Intents;
using ServiceBot.Understanding.Slots;

namespace ServiceBot.Tasks.Definitions;

public static class InsuranceTransferTask
{
    public static TaskDefinition Definition { get; } = new()
    {
        Name = IntentNames.InsuranceTransfer,
        DisplayName = new(nameof(BotTexts.InsuranceTransfer_DisplayName)),
        MenuPrompt = new(nameof(BotTexts.InsuranceTransfer_MenuPrompt)),
        Slots =
        [
            CommonSlots.IdNumber,
            new SlotDefinition
            {
                Id = SlotIds.FromCity, Label = new(nameof(BotTexts.InsuranceTransfer_FromCity_Label)), Kind = SlotKind.City,
                Question = new(nameof(BotTexts.InsuranceTransfer_FromCity_Question)),
            },
            new SlotDefinition
            {
                Id = SlotIds.ToCity, Label = new(nameof(BotTexts.InsuranceTransfer_ToCity_Label)), Kind = SlotKind.City,
                Question = new(nameof(BotTexts.InsuranceTransfer_ToCity_Question)),
            },
            new SlotDefinition
            {
                Id = SlotIds.InsuranceType, Label = new(nameof(BotTexts.InsuranceTransfer_InsuranceType_Label)), Kind = SlotKind.Text,
                Question = new(nameof(BotTexts.InsuranceTransfer_InsuranceType_Question)),
                Suggestions =
                [
                    new(nameof(BotTexts.InsuranceType_Pension)),
                    new(nameof(BotTexts.InsuranceType_Medical)),
                    new(nameof(BotTexts.InsuranceType_Unemployment)),
                ],
            },
        ],
        Call = new BackendCall("SocialInsurance", "SubmitTransfer", CommonSlots.Map(
            ("idNumber", SlotIds.IdNumber), ("fromCity", SlotIds.FromCity), ("toCity", SlotIds.ToCity), ("insuranceType", SlotIds.InsuranceType))),
        ConfirmationNote = new(nameof(BotTexts.InsuranceTransfer_ConfirmationNote)),
        RetrySlots = new Dictionary<string, string>
        {
            ["insurance_not_held"] = SlotIds.FromCity,
            ["person_not_found"] = SlotIds.IdNumber,
        },
    };
}
