namespace ServiceBot.Understanding.Slots;

/// <summary>Slot ids of the task catalog (CONTRACT §3); they are part of the external contract.</summary>
public static class SlotIds
{
    public const string IdNumber = "id_number";
    public const string Reason = "reason";
    public const string Amount = "amount";
    public const string BankCard = "bank_card";
    public const string Platform = "platform";
    public const string AccidentTime = "accident_time";
    public const string AccidentPlace = "accident_place";
    public const string Injury = "injury";
    public const string Phone = "phone";
    public const string Employer = "employer";
    public const string Period = "period";
    public const string FromCity = "from_city";
    public const string ToCity = "to_city";
    public const string InsuranceType = "insurance_type";
    public const string Description = "description";
    public const string Location = "location";
    public const string City = "city";
    public const string District = "district";
    public const string Ticket = "ticket";
    public const string Passport = "passport";
    public const string CompanyName = "company_name";
    public const string BusinessScope = "business_scope";
    public const string RegisteredCapital = "registered_capital";
    public const string AppointmentDate = "appointment_date";

    /// <summary>Slots whose value is the user's own words rather than a recognisable pattern.</summary>
    public static readonly IReadOnlySet<string> FreeText = new HashSet<string>(StringComparer.Ordinal)
    {
        AccidentPlace, Injury, Employer, Description, Location, CompanyName, BusinessScope,
    };
}
