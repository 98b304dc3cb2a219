using ServiceBot.Localization;
using ServiceBot.Understanding.Intents;
using ServiceBot.Understanding.Slots;

namespace ServiceBot.Tasks.Definitions;

/// <summary>外商投资企业设立登记预约: books a day at the market regulation counter for a foreign investor.</summary>
public static class ForeignEnterpriseRegistrationTask
{
    public static TaskDefinition Definition { get; } = new()
    {
        Name = IntentNames.ForeignEnterpriseRegistration,
        DisplayName = new(nameof(BotTexts.ForeignEnterpriseRegistration_DisplayName)),
        MenuPrompt = new(nameof(BotTexts.ForeignEnterpriseRegistration_MenuPrompt)),
        Slots =
        [
            new SlotDefinition
            {
                Id = SlotIds.Passport, Label = new(nameof(BotTexts.ForeignEnterpriseRegistration_Passport_Label)), Kind = SlotKind.Passport, Sensitive = true,
                Question = new(nameof(BotTexts.ForeignEnterpriseRegistration_Passport_Question)),
            },
            new SlotDefinition
            {
                Id = SlotIds.CompanyName, Label = new(nameof(BotTexts.ForeignEnterpriseRegistration_CompanyName_Label)), Kind = SlotKind.Text,
                Question = new(nameof(BotTexts.ForeignEnterpriseRegistration_CompanyName_Question)),
            },
            new SlotDefinition
            {
                Id = SlotIds.BusinessScope, Label = new(nameof(BotTexts.ForeignEnterpriseRegistration_BusinessScope_Label)), Kind = SlotKind.Text,
                Question = new(nameof(BotTexts.ForeignEnterpriseRegistration_BusinessScope_Question)),
            },
            new SlotDefinition
            {
                Id = SlotIds.RegisteredCapital, Label = new(nameof(BotTexts.ForeignEnterpriseRegistration_RegisteredCapital_Label)), Kind = SlotKind.CurrencyAmount,
                Question = new(nameof(BotTexts.ForeignEnterpriseRegistration_RegisteredCapital_Question)),
                Suggestions = [new(nameof(BotTexts.ForeignEnterpriseRegistration_Capital_UsdExample)), new(nameof(BotTexts.ForeignEnterpriseRegistration_Capital_CnyExample))],
            },
            new SlotDefinition
            {
                Id = SlotIds.AppointmentDate, Label = new(nameof(BotTexts.ForeignEnterpriseRegistration_AppointmentDate_Label)), Kind = SlotKind.Date,
                Question = new(nameof(BotTexts.ForeignEnterpriseRegistration_AppointmentDate_Question)),
                Suggestions = [new(nameof(BotTexts.ForeignEnterpriseRegistration_Date_Tomorrow)), new(nameof(BotTexts.ForeignEnterpriseRegistration_Date_NextMonday))],
            },
            CommonSlots.Phone,
        ],
        Call = new BackendCall("MarketRegulation", "BookForeignEnterpriseRegistration", CommonSlots.Map(
            ("passport", SlotIds.Passport), ("companyName", SlotIds.CompanyName), ("businessScope", SlotIds.BusinessScope),
            ("registeredCapital", SlotIds.RegisteredCapital), ("appointmentDate", SlotIds.AppointmentDate), ("phone", SlotIds.Phone))),
        ConfirmationNote = new(nameof(BotTexts.ForeignEnterpriseRegistration_ConfirmationNote)),
        RetrySlots = new Dictionary<string, string>
        {
            ["company_name_taken"] = SlotIds.CompanyName,
            ["appointment_date_unavailable"] = SlotIds.AppointmentDate,
        },
    };
}
