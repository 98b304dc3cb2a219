using ServiceBot.Understanding.Intents;
using ServiceBot.Understanding.Slots;

namespace ServiceBot.Tasks.Definitions;

public static class HotlineAppealTask
{
    public static TaskDefinition Definition { get; } = new()
    {
        Name = IntentNames.HotlineAppeal,
        DisplayName = "12345诉求登记",
        MenuPrompt = "我要登记12345诉求",
        Slots =
        [
            new SlotDefinition
            {
                Id = SlotIds.Description, Label = "诉求内容", Kind = SlotKind.Text,
                Question = "请描述您的**诉求内容**（遇到了什么问题，希望怎样解决）。",
            },
            new SlotDefinition
            {
                Id = SlotIds.Location, Label = "诉求地点", Kind = SlotKind.Text,
                Question = "请问问题发生的**具体地点**在哪里？",
            },
            CommonSlots.Phone,
            // Files the ticket under the person when volunteered; never asked for.
            CommonSlots.IdNumber with { Required = false },
        ],
        Call = new BackendCall("Hotline", "SubmitAppeal", CommonSlots.Map(
            ("description", SlotIds.Description), ("location", SlotIds.Location), ("phone", SlotIds.Phone), ("idNumber", SlotIds.IdNumber))),
        ConfirmationNote = "确认后将登记到12345政务服务便民热线，由相关部门办理。",
    };
}
