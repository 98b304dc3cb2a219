using System.Text.Json.Serialization;

namespace ServiceBot.Backend;

/// <summary>住房公积金提取: <see cref="Reason"/> is rent, purchase, resignation, retirement or medical.</summary>
public sealed record FundWithdrawalApplication(
    [property: JsonPropertyName("id_number")] string IdNumber,
    [property: JsonPropertyName("reason")] string Reason,
    [property: JsonPropertyName("amount")] decimal Amount,
    [property: JsonPropertyName("bank_card")] string BankCard);

/// <summary>职业伤害申报: <see cref="AccidentTime"/> is ISO 8601.</summary>
public sealed record InjuryReport(
    [property: JsonPropertyName("id_number")] string IdNumber,
    [property: JsonPropertyName("platform")] string Platform,
    [property: JsonPropertyName("accident_time")] string AccidentTime,
    [property: JsonPropertyName("accident_place")] string AccidentPlace,
    [property: JsonPropertyName("injury")] string Injury,
    [property: JsonPropertyName("phone")] string Phone);

public sealed record WageComplaint(
    [property: JsonPropertyName("id_number")] string IdNumber,
    [property: JsonPropertyName("employer")] string Employer,
    [property: JsonPropertyName("amount")] decimal Amount,
    [property: JsonPropertyName("period")] string Period,
    [property: JsonPropertyName("phone")] string Phone);

/// <summary>社保关系转移接续: <see cref="InsuranceType"/> is 养老保险, 医疗保险 or 失业保险.</summary>
public sealed record InsuranceTransfer(
    [property: JsonPropertyName("id_number")] string IdNumber,
    [property: JsonPropertyName("from_city")] string FromCity,
    [property: JsonPropertyName("to_city")] string ToCity,
    [property: JsonPropertyName("insurance_type")] string InsuranceType);

/// <summary>12345 诉求; <see cref="IdNumber"/> is optional and files the ticket under that person.</summary>
public sealed record HotlineAppeal(
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("location")] string Location,
    [property: JsonPropertyName("phone")] string Phone,
    [property: JsonPropertyName("id_number"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? IdNumber = null);

/// <summary>
/// 外商投资企业设立登记预约: <see cref="RegisteredCapital"/> is "amount ISO-4217-code" (500000 USD),
/// <see cref="AppointmentDate"/> an ISO date.
/// </summary>
public sealed record ForeignEnterpriseAppointment(
    [property: JsonPropertyName("passport")] string Passport,
    [property: JsonPropertyName("company_name")] string CompanyName,
    [property: JsonPropertyName("business_scope")] string BusinessScope,
    [property: JsonPropertyName("registered_capital")] string RegisteredCapital,
    [property: JsonPropertyName("appointment_date")] string AppointmentDate,
    [property: JsonPropertyName("phone")] string Phone);
