using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using ServiceBot.Server.Http;

namespace ServiceBot.Server.Sandbox;

/// <summary>劳动保障监察: complaints about unpaid wages.</summary>
public static class LabourInspectionApi
{
    public static RouteGroupBuilder MapLabourInspectionApi(this RouteGroupBuilder api)
    {
        api.MapGroup("/labour-inspection").WithTags("劳动保障监察")
            .MapPost("/wage-complaints", SubmitWageComplaintAsync).WithName("SubmitWageComplaint").WithSummary("提交欠薪投诉")
            .AcceptsSubmission<WageComplaintRequest>();
        return api;
    }

    public static async Task<SubmitResult> SubmitWageComplaintAsync(
        HttpRequest request, [FromHeader(Name = SandboxSubmissions.IdempotencyHeader)] string? idempotencyKey,
        SandboxSeed seed, SandboxSubmissions submissions, CancellationToken cancellationToken)
    {
        var (body, malformed) = await JsonBody.ReadAsync<WageComplaintRequest>(request, cancellationToken);
        if (malformed is not null) return malformed;

        var errors = new SandboxErrors();
        var id = errors.IdNumber("id_number", body!.IdNumber);
        var employer = errors.Required("employer", body.Employer, "欠薪单位名称", 100);
        var amount = errors.PositiveAmount("amount", body.Amount, "欠薪金额");
        var period = errors.Required("period", body.Period, "欠薪期间", 100);
        var phone = errors.Phone("phone", body.Phone);
        if (errors.Result() is { } invalid) return invalid;

        var draft = SandboxSubmissions.Draft(SandboxTasks.WageComplaint, id, new Dictionary<string, string>
        {
            ["id_number"] = id!,
            ["employer"] = employer!,
            ["amount"] = SandboxErrors.FormatAmount(amount!.Value),
            ["period"] = period!,
            ["phone"] = phone!,
        });
        return await submissions.SubmitAsync(draft, idempotencyKey,
            () => seed.FindCitizen(id!) is null ? SandboxProblems.PersonNotFound(id!) : null, cancellationToken);
    }
}

public sealed record WageComplaintRequest(
    [property: JsonPropertyName("id_number")] string? IdNumber,
    [property: JsonPropertyName("employer")] string? Employer,
    [property: JsonPropertyName("amount")] decimal? Amount,
    [property: JsonPropertyName("period")] string? Period,
    [property: JsonPropertyName("phone")] string? Phone);
