using ServiceBot.Understanding.Intents;
using ServiceBot.Understanding.Slots;

namespace ServiceBot.Tasks.Definitions;

public static class InjuryReportTask
{
    public static TaskDefinition Definition { get; } = new()
    {
        Name = IntentNames.InjuryReport,
        DisplayName = "新就业形态职业伤害保障申报",
        MenuPrompt = "我要申报职业伤害",
        Slots =
        [
            CommonSlots.IdNumber,
            new SlotDefinition
            {
                Id = SlotIds.Platform, Label = "接单平台", Kind = SlotKind.Text,
                Question = "请问您是在哪个**平台**接单时受伤的？",
                Suggestions = ["美团", "饿了么", "滴滴出行", "顺丰速运", "货拉拉"],
            },
            new SlotDefinition
            {
                Id = SlotIds.AccidentTime, Label = "事故时间", Kind = SlotKind.DateTime,
                Question = "请问事故发生在**什么时间**？（例如“昨天下午三点”）",
            },
            new SlotDefinition
            {
                Id = SlotIds.AccidentPlace, Label = "事故地点", Kind = SlotKind.Text,
                Question = "请问事故发生在**什么地点**？（例如“丛台路与人民路交叉口”）",
            },
            new SlotDefinition
            {
                Id = SlotIds.Injury, Label = "伤情", Kind = SlotKind.Text,
                Question = "请简单描述一下您的**伤情**（例如“左小腿骨折”）。",
            },
            CommonSlots.Phone,
        ],
        Call = new BackendCall("Injury", "SubmitReport", CommonSlots.Map(
            ("idNumber", SlotIds.IdNumber), ("platform", SlotIds.Platform), ("accidentTime", SlotIds.AccidentTime),
            ("accidentPlace", SlotIds.AccidentPlace), ("injury", SlotIds.Injury), ("phone", SlotIds.Phone))),
        ConfirmationNote = "确认后将向社会保险经办机构提交职业伤害申报。",
        RetrySlots = new Dictionary<string, string> { ["person_not_found"] = SlotIds.IdNumber },
    };
}
