using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using ServiceBot.Server.Http;

namespace ServiceBot.Server.Sandbox;

/// <summary>住房公积金: account look-up and withdrawal applications.</summary>
public static class HousingFundApi
{
    public static readonly IReadOnlyList<string> Reasons = ["rent", "purchase", "resignation", "retirement", "medical"];

    public static RouteGroupBuilder MapHousingFundApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/housing-fund").WithTags("住房公积金");
        group.MapGet("/accounts/{idNumber}", GetAccount).WithName("GetFundAccount").WithSummary("按身份证号查询公积金账户");
        group.MapPost("/withdrawals", SubmitWithdrawalAsync).WithName("SubmitFundWithdrawal").WithSummary("提交公积金提取申请")
            .AcceptsSubmission<FundWithdrawalRequest>();
        return api;
    }

    public static Results<Ok<FundAccountView>, ProblemHttpResult> GetAccount(string idNumber, HttpContext context, SandboxSeed seed)
    {
        var id = idNumber.Trim().ToUpperInvariant();
        if (seed.FindCitizen(id) is not { } citizen) return SandboxProblems.PersonNotFound(id);
        if (citizen.Fund is not { } fund) return SandboxProblems.FundAccountNotFound(citizen.Name);
        var shownId = SandboxAccess.HoldsKey(context) ? id : SandboxMasking.MaskSlot("id_number", id);
        return TypedResults.Ok(new FundAccountView(shownId, citizen.Name, citizen.City, fund.Account, fund.Status, fund.Balance, fund.MonthlyDeposit, fund.OpenSince));
    }

    public static async Task<SubmitResult> SubmitWithdrawalAsync(
        HttpRequest request, [FromHeader(Name = SandboxSubmissions.IdempotencyHeader)] string? idempotencyKey,
        SandboxSeed seed, SandboxSubmissions submissions, CancellationToken cancellationToken)
    {
        var (body, malformed) = await JsonBody.ReadAsync<FundWithdrawalRequest>(request, cancellationToken);
        if (malformed is not null) return malformed;

        var errors = new SandboxErrors();
        var id = errors.IdNumber("id_number", body!.IdNumber);
        var reason = errors.OneOf("reason", body.Reason, "提取原因", Reasons);
        var amount = errors.PositiveAmount("amount", body.Amount, "提取金额");
        var card = errors.BankCard("bank_card", body.BankCard);
        if (errors.Result() is { } invalid) return invalid;

        var draft = SandboxSubmissions.Draft(SandboxTasks.FundWithdrawal, id, new Dictionary<string, string>
        {
            ["id_number"] = id!,
            ["reason"] = reason!,
            ["amount"] = SandboxErrors.FormatAmount(amount!.Value),
            ["bank_card"] = card!,
        });
        return await submissions.SubmitAsync(draft, idempotencyKey, () => Refusal(seed, id!, reason!, amount.Value), cancellationToken);
    }

    private static ProblemHttpResult? Refusal(SandboxSeed seed, string idNumber, string reason, decimal amount)
    {
        if (seed.FindCitizen(idNumber) is not { } citizen) return SandboxProblems.PersonNotFound(idNumber);
        if (citizen.Fund is not { } fund) return SandboxProblems.FundAccountNotFound(citizen.Name);

        var label = ReasonLabel(reason);
        switch (reason)
        {
            case "rent" or "purchase" or "medical" when fund.Status != SeedFundAccount.StatusActive:
                return SandboxProblems.Refused("account_not_active",
                    $"您的公积金账户当前状态为“{fund.Status}”，只有“{SeedFundAccount.StatusActive}”的账户才能办理{label}提取。"
                    + (fund.Status == SeedFundAccount.StatusSealed ? "封存账户不能按租房、购房或医疗提取；如已离职，可按离职提取办理。" : ""));
            case "resignation" when fund.Status != SeedFundAccount.StatusSealed:
                return SandboxProblems.Refused("account_not_sealed",
                    $"离职提取要求账户已封存，您的账户当前状态为“{fund.Status}”。请在离职后由单位办理封存，再申请提取。");
            case "retirement" when !HasReachedRetirementAge(idNumber):
                return SandboxProblems.Refused("not_retired", "您尚未达到法定退休年龄，不能按退休提取。");
        }
        if (amount > fund.Balance)
            return SandboxProblems.Refused("amount_exceeds_balance",
                $"提取金额 {SandboxErrors.FormatAmount(amount)} 元超过账户余额 {fund.Balance:0.00} 元，请调整金额。");
        return null;
    }

    private static string ReasonLabel(string reason) => reason switch
    {
        "rent" => "租房",
        "purchase" => "购房",
        "resignation" => "离职",
        "retirement" => "退休",
        _ => "医疗",
    };

    // The 17th digit is odd for men; the earliest statutory ages (60 for men, 50 for women) keep the sandbox lenient.
    private static bool HasReachedRetirementAge(string idNumber)
    {
        if (!DateOnly.TryParseExact(idNumber.AsSpan(6, 8), "yyyyMMdd", out var birth)) return false;
        var age = DateTime.UtcNow.Year - birth.Year;
        return age >= ((idNumber[16] - '0') % 2 == 1 ? 60 : 50);
    }
}

public sealed record FundWithdrawalRequest(
    [property: JsonPropertyName("id_number")] string? IdNumber,
    [property: JsonPropertyName("reason")] string? Reason,
    [property: JsonPropertyName("amount")] decimal? Amount,
    [property: JsonPropertyName("bank_card")] string? BankCard);

public sealed record FundAccountView(
    string IdNumber, string Name, string? City, string Account, string Status, decimal Balance, decimal MonthlyDeposit, string OpenSince);
