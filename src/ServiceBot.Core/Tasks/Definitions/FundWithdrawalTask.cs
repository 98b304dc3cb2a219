using ServiceBot.Localization;
using ServiceBot.Understanding.Intents;
using ServiceBot.Understanding.Slots;

namespace ServiceBot.Tasks.Definitions;

public static class FundWithdrawalTask
{
    private static readonly IReadOnlyDictionary<string, BotText> Reasons = new Dictionary<string, BotText>
    {
        ["rent"] = new(nameof(BotTexts.FundWithdrawal_Reason_Rent)),
        ["purchase"] = new(nameof(BotTexts.FundWithdrawal_Reason_Purchase)),
        ["resignation"] = new(nameof(BotTexts.FundWithdrawal_Reason_Resignation)),
        ["retirement"] = new(nameof(BotTexts.FundWithdrawal_Reason_Retirement)),
        ["medical"] = new(nameof(BotTexts.FundWithdrawal_Reason_Medical)),
    };

    public static TaskDefinition Definition { get; } = new()
    {
        Name = IntentNames.FundWithdrawal,
        DisplayName = new(nameof(BotTexts.FundWithdrawal_DisplayName)),
        MenuPrompt = new(nameof(BotTexts.FundWithdrawal_MenuPrompt)),
        Slots =
        [
            CommonSlots.IdNumber,
            new SlotDefinition
            {
                Id = SlotIds.Reason, Label = new(nameof(BotTexts.FundWithdrawal_Reason_Label)), Kind = SlotKind.Choice,
                Question = new(nameof(BotTexts.FundWithdrawal_Reason_Question)),
                Choices = Reasons,
                Suggestions = [.. Reasons.Values],
            },
            CommonSlots.Amount(new(nameof(BotTexts.FundWithdrawal_Amount_Label)), new(nameof(BotTexts.FundWithdrawal_Amount_Question))),
            new SlotDefinition
            {
                Id = SlotIds.BankCard, Label = new(nameof(BotTexts.FundWithdrawal_BankCard_Label)), Kind = SlotKind.BankCard, Sensitive = true,
                Question = new(nameof(BotTexts.FundWithdrawal_BankCard_Question)),
            },
        ],
        Call = new BackendCall("HousingFund", "SubmitWithdrawal", CommonSlots.Map(
            ("idNumber", SlotIds.IdNumber), ("reason", SlotIds.Reason), ("amount", SlotIds.Amount), ("bankCard", SlotIds.BankCard))),
        ConfirmationNote = new(nameof(BotTexts.FundWithdrawal_ConfirmationNote)),
        RetrySlots = new Dictionary<string, string>
        {
            ["amount_exceeds_balance"] = SlotIds.Amount,
            ["account_not_active"] = SlotIds.Reason,
            ["account_not_sealed"] = SlotIds.Reason,
            ["not_retired"] = SlotIds.Reason,
            ["person_not_found"] = SlotIds.IdNumber,
        },
    };
}
