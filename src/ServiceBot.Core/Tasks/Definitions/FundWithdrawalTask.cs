using ServiceBot.Understanding.Intents;
using ServiceBot.Understanding.Slots;

namespace ServiceBot.Tasks.Definitions;

public static class FundWithdrawalTask
{
    public static TaskDefinition Definition { get; } = new()
    {
        Name = IntentNames.FundWithdrawal,
        DisplayName = "住房公积金提取",
        MenuPrompt = "我要提取公积金",
        Slots =
        [
            CommonSlots.IdNumber,
            new SlotDefinition
            {
                Id = SlotIds.Reason, Label = "提取原因", Kind = SlotKind.Choice,
                Question = "请问您提取公积金的**原因**是什么？（租房、购房、离职、退休、医疗）",
                Choices = new Dictionary<string, string>
                {
                    ["rent"] = "租房", ["purchase"] = "购房", ["resignation"] = "离职", ["retirement"] = "退休", ["medical"] = "医疗",
                },
                Suggestions = ["租房", "购房", "离职", "退休", "医疗"],
            },
            CommonSlots.Amount("提取金额", "请问您要提取**多少金额**（元）？"),
            new SlotDefinition
            {
                Id = SlotIds.BankCard, Label = "收款银行卡", Kind = SlotKind.BankCard, Sensitive = true,
                Question = "请提供用于收款的**本人银行卡号**。",
            },
        ],
        Call = new BackendCall("HousingFund", "SubmitWithdrawal", CommonSlots.Map(
            ("idNumber", SlotIds.IdNumber), ("reason", SlotIds.Reason), ("amount", SlotIds.Amount), ("bankCard", SlotIds.BankCard))),
        ConfirmationNote = "确认后将向住房公积金管理中心提交提取申请。",
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
