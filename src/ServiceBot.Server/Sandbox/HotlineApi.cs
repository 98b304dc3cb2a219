using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using ServiceBot.Server.Http;

namespace ServiceBot.Server.Sandbox;

/// <summary>12345 政务服务便民热线: registering an appeal.</summary>
public static class HotlineApi
{
    public static RouteGroupBuilder MapHotlineApi(this RouteGroupBuilder api)
    {
        api.MapGroup("/hotline").WithTags("12345热线")
            .MapPost("/appeals", SubmitAppealAsync).WithName("SubmitHotlineAppeal").WithSummary("登记12345诉求")
            .AcceptsSubmission<HotlineAppealRequest>();
        return api;
    }

    public static async Task<SubmitResult> SubmitAppealAsync(
        HttpRequest request, [FromHeader(Name = SandboxSubmissions.IdempotencyHeader)] string? idempotencyKey,
        SandboxSubmissions submissions, CancellationToken cancellationToken)
    {
        var (body, malformed) = await JsonBody.ReadAsync<HotlineAppealRequest>(request, cancellationToken);
        if (malformed is not null) return malformed;

        var errors = new SandboxErrors();
        var description = errors.Required("description", body!.Description, "诉求内容", 2000);
        var location = errors.Required("location", body.Location, "事发地点");
        var phone = errors.Phone("phone", body.Phone);
        // The appeal itself needs no ID; when one is given it files the ticket under that person.
        var id = string.IsNullOrWhiteSpace(body.IdNumber) ? null : errors.IdNumber("id_number", body.IdNumber);
        if (errors.Result() is { } invalid) return invalid;

        var draft = SandboxSubmissions.Draft(SandboxTasks.HotlineAppeal, id, new Dictionary<string, string>
        {
            ["description"] = description!,
            ["location"] = location!,
            ["phone"] = phone!,
        });
        return await submissions.SubmitAsync(draft, idempotencyKey, () => null, cancellationToken);
    }
}

public sealed record HotlineAppealRequest(
    [property: JsonPropertyName("description")] string? Description,
    [property: JsonPropertyName("location")] string? Location,
    [property: JsonPropertyName("phone")] string? Phone,
    [property: JsonPropertyName("id_number")] string? IdNumber);
