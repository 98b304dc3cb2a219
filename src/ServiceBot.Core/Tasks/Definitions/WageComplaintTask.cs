using ServiceBot.Understanding.Intents;
using ServiceBot.Understanding.Slots;

namespace ServiceBot.Tasks.Definitions;

public static class WageComplaintTask
{
    public static TaskDefinition Definition { get; } = new()
    {
        Name = IntentNames.WageComplaint,
        DisplayName = "欠薪投诉",
        MenuPrompt = "我要投诉欠薪",
        Slots =
        [
            CommonSlots.IdNumber,
            new SlotDefinition
            {
                Id = SlotIds.Employer, Label = "用人单位", Kind = SlotKind.Text,
                Question = "请问拖欠您工资的**用人单位**（公司或老板）名称是什么？",
            },
            CommonSlots.Amount("欠薪金额", "请问被拖欠的**工资金额**是多少（元）？"),
            new SlotDefinition
            {
                Id = SlotIds.Period, Label = "欠薪期间", Kind = SlotKind.Period,
                Question = "请问拖欠的是**哪段时间**的工资？（例如“今年3月到5月”）",
            },
            CommonSlots.Phone,
        ],
        Call = new BackendCall("LabourInspection", "SubmitWageComplaint", CommonSlots.Map(
            ("idNumber", SlotIds.IdNumber), ("employer", SlotIds.Employer), ("amount", SlotIds.Amount),
            ("period", SlotIds.Period), ("phone", SlotIds.Phone))),
        ConfirmationNote = "确认后将向劳动保障监察机构提交欠薪投诉。",
        RetrySlots = new Dictionary<string, string> { ["person_not_found"] = SlotIds.IdNumber },
    };
}
