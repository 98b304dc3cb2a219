using ServiceBot.Understanding.Intents;
using ServiceBot.Understanding.Slots;

namespace ServiceBot.Tasks.Definitions;

/// <summary>外商投资企业设立登记预约: books a day at the market regulation counter for a foreign investor.</summary>
public static class ForeignEnterpriseRegistrationTask
{
    public static TaskDefinition Definition { get; } = new()
    {
        Name = IntentNames.ForeignEnterpriseRegistration,
        DisplayName = "外商投资企业设立登记预约",
        MenuPrompt = "我要预约外商投资企业设立登记",
        Slots =
        [
            new SlotDefinition
            {
                Id = SlotIds.Passport, Label = "护照号码", Kind = SlotKind.Passport, Sensitive = true,
                Question = "请提供申请人（外国投资者）的**护照号码**（例如 PK1234567）。",
            },
            new SlotDefinition
            {
                Id = SlotIds.CompanyName, Label = "企业名称", Kind = SlotKind.Text,
                Question = "请问拟设立企业的**名称**是什么？（例如“义乌环球贸易有限公司”或“Global Trade (Yiwu) Co., Ltd.”）",
            },
            new SlotDefinition
            {
                Id = SlotIds.BusinessScope, Label = "经营范围", Kind = SlotKind.Text,
                Question = "请简要说明企业的**经营范围**（例如“日用百货进出口”）。",
            },
            new SlotDefinition
            {
                Id = SlotIds.RegisteredCapital, Label = "注册资本", Kind = SlotKind.CurrencyAmount,
                Question = "请问企业的**注册资本**是多少？请说明金额和币种（例如“50万美元”或“100万元人民币”）。",
                Suggestions = ["50万美元", "100万元人民币"],
            },
            new SlotDefinition
            {
                Id = SlotIds.AppointmentDate, Label = "预约日期", Kind = SlotKind.Date,
                Question = "请问您希望**哪一天**到窗口办理？请选择工作日（例如“下周一”或“12月3日”）。",
                Suggestions = ["明天", "下周一"],
            },
            CommonSlots.Phone,
        ],
        Call = new BackendCall("MarketRegulation", "BookForeignEnterpriseRegistration", CommonSlots.Map(
            ("passport", SlotIds.Passport), ("companyName", SlotIds.CompanyName), ("businessScope", SlotIds.BusinessScope),
            ("registeredCapital", SlotIds.RegisteredCapital), ("appointmentDate", SlotIds.AppointmentDate), ("phone", SlotIds.Phone))),
        ConfirmationNote = "确认后将向市场监督管理部门预约外商投资企业设立登记，请在预约日携带护照原件和申请材料到窗口办理。",
        RetrySlots = new Dictionary<string, string>
        {
            ["company_name_taken"] = SlotIds.CompanyName,
            ["appointment_date_unavailable"] = SlotIds.AppointmentDate,
        },
    };
}
