using Microsoft.AspNetCore.Http.HttpResults;

using ServiceBot.Server.Http;

namespace ServiceBot.Server.Sandbox;

/// <summary>
/// 办件查询. <c>GET /sandbox/api/tickets?idNumber=</c> is part of the external contract (CONTRACT §4); a foreign applicant,
/// who has no ID number, lists their tickets with <c>?passport=</c> instead.
/// </summary>
public static class TicketsApi
{
    public static RouteGroupBuilder MapTicketsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/tickets").WithTags("办件");
        group.MapGet("", ListAsync).WithName("ListTickets").WithSummary("按身份证号（外籍申请人按护照号码）列出办件");
        group.MapGet("/{ticket}", GetAsync).WithName("GetTicket").WithSummary("按办件编号查询办理进度");
        group.MapPut("/{ticket}/status", SetStatusAsync).AddEndpointFilter(SandboxAccess.RequireKeyAsync).WithName("SetTicketStatus").WithSummary("推进办件状态（沙箱模拟后台办理）")
            .AcceptsJsonBody<TicketStatusChange>().ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    public static async Task<Results<Ok<IReadOnlyList<SandboxTicket>>, ValidationProblem>> ListAsync(
        string? idNumber, string? passport, HttpContext context, ISandboxStore store, CancellationToken cancellationToken)
    {
        var errors = new SandboxErrors();
        var byPassport = idNumber is null && passport is not null;
        var applicant = byPassport ? errors.Passport("passport", passport) : errors.IdNumber("idNumber", idNumber);
        if (errors.Result() is { } invalid) return invalid;
        var tickets = await store.ListByApplicantAsync(applicant!, cancellationToken);
        // The passport listing is not part of the contract: like every other read, it is in full only to the key holder.
        var inFull = byPassport ? SandboxAccess.HoldsKey(context) : SandboxAccess.ReadsContractListingInFull(context);
        return TypedResults.Ok(inFull ? tickets : tickets.Select(SandboxMasking.Mask).ToList());
    }

    public static async Task<Results<Ok<SandboxTicket>, ProblemHttpResult>> GetAsync(string ticket, HttpContext context, ISandboxStore store, CancellationToken cancellationToken)
    {
        var number = ticket.Trim();
        if (await store.GetAsync(number, cancellationToken) is not { } found) return SandboxProblems.TicketNotFound(number);
        return TypedResults.Ok(SandboxAccess.HoldsKey(context) ? found : SandboxMasking.Mask(found));
    }

    public static async Task<Results<Ok<SandboxTicket>, ValidationProblem, ProblemHttpResult>> SetStatusAsync(
        string ticket, HttpRequest request, ISandboxStore store, CancellationToken cancellationToken)
    {
        var (body, malformed) = await JsonBody.ReadAsync<TicketStatusChange>(request, cancellationToken);
        if (malformed is not null) return malformed;
        var errors = new SandboxErrors();
        var status = errors.OneOf("status", body!.Status, "办件状态", TicketStatus.All);
        if (errors.Result() is { } invalid) return invalid;

        var number = ticket.Trim();
        if (!await store.SetStatusAsync(number, status!, cancellationToken)) return SandboxProblems.TicketNotFound(number);
        return TypedResults.Ok((await store.GetAsync(number, cancellationToken))!);
    }
}

public sealed record TicketStatusChange(string? Status);
