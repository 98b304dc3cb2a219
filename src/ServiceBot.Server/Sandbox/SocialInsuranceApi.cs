using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using ServiceBot.Server.Http;

namespace ServiceBot.Server.Sandbox;

/// <summary>社会保险: enrolment look-up and transfers of insurance relations between cities.</summary>
public static class SocialInsuranceApi
{
    public static readonly IReadOnlyList<string> InsuranceTypes = ["养老保险", "医疗保险", "失业保险"];

    public static RouteGroupBuilder MapSocialInsuranceApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/social-insurance").WithTags("社会保险");
        group.MapGet("/records/{idNumber}", GetRecord).WithName("GetInsuranceRecord").WithSummary("按身份证号查询参保信息");
        group.MapPost("/transfers", SubmitTransferAsync).WithName("SubmitInsuranceTransfer").WithSummary("提交社保关系转移接续申请")
            .AcceptsSubmission<InsuranceTransferRequest>();
        return api;
    }

    public static Results<Ok<InsuranceRecordView>, ProblemHttpResult> GetRecord(string idNumber, HttpContext context, SandboxSeed seed)
    {
        var id = idNumber.Trim().ToUpperInvariant();
        if (seed.FindCitizen(id) is not { } citizen) return SandboxProblems.PersonNotFound(id);
        if (citizen.Insurance is not { } insurance)
            return SandboxProblems.Create(StatusCodes.Status404NotFound, "insurance_not_found", "未找到参保记录", $"未找到{citizen.Name}的社会保险参保记录。");
        var shownId = SandboxAccess.HoldsKey(context) ? id : SandboxMasking.MaskSlot("id_number", id);
        return TypedResults.Ok(new InsuranceRecordView(shownId, citizen.Name, insurance.City, insurance.Types, insurance.InjuryPilot));
    }

    public static async Task<SubmitResult> SubmitTransferAsync(
        HttpRequest request, [FromHeader(Name = SandboxSubmissions.IdempotencyHeader)] string? idempotencyKey,
        SandboxSeed seed, SandboxSubmissions submissions, CancellationToken cancellationToken)
    {
        var (body, malformed) = await JsonBody.ReadAsync<InsuranceTransferRequest>(request, cancellationToken);
        if (malformed is not null) return malformed;

        var errors = new SandboxErrors();
        var id = errors.IdNumber("id_number", body!.IdNumber);
        var from = errors.Required("from_city", body.FromCity, "转出地", 50);
        var to = errors.Required("to_city", body.ToCity, "转入地", 50);
        var type = errors.OneOf("insurance_type", body.InsuranceType, "险种", InsuranceTypes);
        if (from is not null && to is not null && SandboxPlaces.SameCity(from, to))
            errors.Add("to_city", "转入地与转出地相同，无需办理转移。");
        if (errors.Result() is { } invalid) return invalid;

        var draft = SandboxSubmissions.Draft(SandboxTasks.InsuranceTransfer, id, new Dictionary<string, string>
        {
            ["id_number"] = id!,
            ["from_city"] = from!,
            ["to_city"] = to!,
            ["insurance_type"] = type!,
        });
        return await submissions.SubmitAsync(draft, idempotencyKey, () => Refusal(seed, id!, from!, type!), cancellationToken);
    }

    private static ProblemHttpResult? Refusal(SandboxSeed seed, string idNumber, string fromCity, string type)
    {
        if (seed.FindCitizen(idNumber) is not { } citizen) return SandboxProblems.PersonNotFound(idNumber);
        if (citizen.Insurance is not { } insurance || !SandboxPlaces.SameCity(insurance.City, fromCity) || !insurance.Types.Contains(type))
            return SandboxProblems.Refused("insurance_not_held",
                $"未查到您在{fromCity}的{type}参保记录，无法办理转移。"
                + (citizen.Insurance is { } held ? $"系统中您的参保地为{held.City}，险种：{string.Join("、", held.Types)}。" : ""));
        return null;
    }
}

public sealed record InsuranceTransferRequest(
    [property: JsonPropertyName("id_number")] string? IdNumber,
    [property: JsonPropertyName("from_city")] string? FromCity,
    [property: JsonPropertyName("to_city")] string? ToCity,
    [property: JsonPropertyName("insurance_type")] string? InsuranceType);

public sealed record InsuranceRecordView(string IdNumber, string Name, string City, IReadOnlyList<string> Types, bool InjuryPilot);
