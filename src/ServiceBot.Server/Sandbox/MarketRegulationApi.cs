using System.Globalization;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using ServiceBot.Server.Http;
using ServiceBot.Understanding.Slots;

namespace ServiceBot.Server.Sandbox;

/// <summary>
/// 市场监督管理: appointments for the establishment registration of foreign-invested enterprises. Any well-formed
/// passport may book, as at a real registry: the applicant's identity is checked against the original passport at
/// the counter, so a foreign investor need not be known beforehand. A name already on the register is refused.
/// </summary>
public static class MarketRegulationApi
{
    public static RouteGroupBuilder MapMarketRegulationApi(this RouteGroupBuilder api)
    {
        api.MapGroup("/market-regulation").WithTags("市场监督管理")
            .MapPost("/foreign-enterprise-appointments", BookForeignEnterpriseRegistrationAsync)
            .WithName("BookForeignEnterpriseRegistration").WithSummary("预约外商投资企业设立登记")
            .AcceptsSubmission<ForeignEnterpriseAppointmentRequest>();
        return api;
    }

    public static async Task<SubmitResult> BookForeignEnterpriseRegistrationAsync(
        HttpRequest request, [FromHeader(Name = SandboxSubmissions.IdempotencyHeader)] string? idempotencyKey,
        SandboxSeed seed, SandboxSubmissions submissions, TimeProvider time, CancellationToken cancellationToken)
    {
        var (body, malformed) = await JsonBody.ReadAsync<ForeignEnterpriseAppointmentRequest>(request, cancellationToken);
        if (malformed is not null) return malformed;

        var errors = new SandboxErrors();
        var passport = errors.Passport("passport", body!.Passport);
        var company = errors.CompanyName("company_name", body.CompanyName);
        var scope = errors.Required("business_scope", body.BusinessScope, "经营范围", 500);
        var capital = errors.RegisteredCapital("registered_capital", body.RegisteredCapital);
        var today = DateOnly.FromDateTime(time.GetUtcNow().ToOffset(SandboxErrors.ChinaOffset).DateTime);
        var date = errors.AppointmentDate("appointment_date", body.AppointmentDate, today);
        var phone = errors.Phone("phone", body.Phone);
        if (errors.Result() is { } invalid) return invalid;

        var draft = SandboxSubmissions.Draft(SandboxTasks.ForeignEnterpriseRegistration, passport, new Dictionary<string, string>
        {
            ["passport"] = passport!,
            ["company_name"] = company!,
            ["business_scope"] = scope!,
            ["registered_capital"] = capital!,
            ["appointment_date"] = date!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["phone"] = phone!,
        });
        return await submissions.SubmitAsync(draft, idempotencyKey,
            () => seed.IsCompanyRegistered(company!)
                ? SandboxProblems.Refused("company_name_taken", $"企业名称“{company}”已被登记，不能重复使用，请更换企业名称后重新预约。")
                : null,
            cancellationToken);
    }
}

public sealed record ForeignEnterpriseAppointmentRequest(
    [property: JsonPropertyName("passport")] string? Passport,
    [property: JsonPropertyName("company_name")] string? CompanyName,
    [property: JsonPropertyName("business_scope")] string? BusinessScope,
    [property: JsonPropertyName("registered_capital")] string? RegisteredCapital,
    [property: JsonPropertyName("appointment_date")] string? AppointmentDate,
    [property: JsonPropertyName("phone")] string? Phone);
