using ServiceBot.Understanding.Intents;
using ServiceBot.Understanding.Slots;

namespace ServiceBot.Tasks.Definitions;

public static class InsuranceTransferTask
{
    public static TaskDefinition Definition { get; } = new()
    {
        Name = IntentNames.InsuranceTransfer,
        DisplayName = "社保关系转移接续",
        MenuPrompt = "我要转移社保",
        Slots =
        [
            CommonSlots.IdNumber,
            new SlotDefinition
            {
                Id = SlotIds.FromCity, Label = "转出城市", Kind = SlotKind.City,
                Question = "请问社保要从**哪个城市转出**？",
            },
            new SlotDefinition
            {
                Id = SlotIds.ToCity, Label = "转入城市", Kind = SlotKind.City,
                Question = "请问要**转入哪个城市**？",
            },
            new SlotDefinition
            {
                Id = SlotIds.InsuranceType, Label = "险种", Kind = SlotKind.Text,
                Question = "请问要转移哪个**险种**？（养老保险、医疗保险、失业保险）",
                Suggestions = ["养老保险", "医疗保险", "失业保险"],
            },
        ],
        Call = new BackendCall("SocialInsurance", "SubmitTransfer", CommonSlots.Map(
            ("idNumber", SlotIds.IdNumber), ("fromCity", SlotIds.FromCity), ("toCity", SlotIds.ToCity), ("insuranceType", SlotIds.InsuranceType))),
        ConfirmationNote = "确认后将向转入地社会保险经办机构提交转移接续申请。",
        RetrySlots = new Dictionary<string, string>
        {
            ["insurance_not_held"] = SlotIds.FromCity,
            ["person_not_found"] = SlotIds.IdNumber,
        },
    };
}
