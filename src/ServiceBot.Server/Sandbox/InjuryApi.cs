using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using ServiceBot.Server.Http;

namespace ServiceBot.Server.Sandbox;

/// <summary>新就业形态职业伤害保障: injury reports, open only to people enrolled in the pilot.</summary>
public static class InjuryApi
{
    public static RouteGroupBuilder MapInjuryApi(this RouteGroupBuilder api)
    {
        api.MapGroup("/injury").WithTags("职业伤害保障")
            .MapPost("/reports", SubmitReportAsync).WithName("SubmitInjuryReport").WithSummary("提交职业伤害申报")
            .AcceptsSubmission<InjuryReportRequest>();
        return api;
    }

    public static async Task<SubmitResult> SubmitReportAsync(
        HttpRequest request, [FromHeader(Name = SandboxSubmissions.IdempotencyHeader)] string? idempotencyKey,
        SandboxSeed seed, SandboxSubmissions submissions, TimeProvider time, CancellationToken cancellationToken)
    {
        var (body, malformed) = await JsonBody.ReadAsync<InjuryReportRequest>(request, cancellationToken);
        if (malformed is not null) return malformed;

        var errors = new SandboxErrors();
        var id = errors.IdNumber("id_number", body!.IdNumber);
        var platform = errors.Required("platform", body.Platform, "所在平台", 50);
        var moment = errors.PastMoment("accident_time", body.AccidentTime, "事故时间", time.GetUtcNow());
        var place = errors.Required("accident_place", body.AccidentPlace, "事故地点");
        var injury = errors.Required("injury", body.Injury, "受伤情况", 500);
        var phone = errors.Phone("phone", body.Phone);
        if (errors.Result() is { } invalid) return invalid;

        var draft = SandboxSubmissions.Draft(SandboxTasks.InjuryReport, id, new Dictionary<string, string>
        {
            ["id_number"] = id!,
            ["platform"] = platform!,
            ["accident_time"] = SandboxErrors.FormatMoment(moment!.Value),
            ["accident_place"] = place!,
            ["injury"] = injury!,
            ["phone"] = phone!,
        });
        return await submissions.SubmitAsync(draft, idempotencyKey, () => Refusal(seed, id!), cancellationToken);
    }

    private static ProblemHttpResult? Refusal(SandboxSeed seed, string idNumber)
    {
        if (seed.FindCitizen(idNumber) is not { } citizen) return SandboxProblems.PersonNotFound(idNumber);
        if (citizen.Insurance is not { InjuryPilot: true })
            return SandboxProblems.Refused("injury_pilot_not_enrolled",
                "您未纳入新就业形态职业伤害保障试点，不能通过此渠道申报。如属工伤，请联系用人单位申报工伤认定，或拨打 12333 咨询。");
        return null;
    }
}

public sealed record InjuryReportRequest(
    [property: JsonPropertyName("id_number")] string? IdNumber,
    [property: JsonPropertyName("platform")] string? Platform,
    [property: JsonPropertyName("accident_time")] string? AccidentTime,
    [property: JsonPropertyName("accident_place")] string? AccidentPlace,
    [property: JsonPropertyName("injury")] string? Injury,
    [property: JsonPropertyName("phone")] string? Phone);
