using Microsoft.AspNetCore.Http.HttpResults;
using ServiceBot.Server.Http;

namespace ServiceBot.Server.Sandbox;

/// <summary>
/// Problem details with a stable <c>code</c> extension, so callers branch on the code and show the
/// Chinese <c>detail</c> to the user.
/// </summary>
public static class SandboxProblems
{
    public static ProblemHttpResult Create(int status, string code, string title, string detail) =>
        ApiProblems.Create(status, code, title, detail);

    public static ProblemHttpResult PersonNotFound(string idNumber) =>
        Create(StatusCodes.Status404NotFound, "person_not_found", "查无此人", $"查无此人：系统中没有身份证号为 {idNumber} 的登记信息，请核对后重试。");

    public static ProblemHttpResult FundAccountNotFound(string name) =>
        Create(StatusCodes.Status404NotFound, "fund_account_not_found", "未找到公积金账户", $"未找到{name}的住房公积金账户，请确认是否已在本地开户缴存。");

    public static ProblemHttpResult TicketNotFound(string ticket) =>
        Create(StatusCodes.Status404NotFound, "ticket_not_found", "未找到办件", $"未找到办件编号为 {ticket} 的办件，请核对编号。");

    public static ProblemHttpResult Refused(string code, string detail) =>
        Create(StatusCodes.Status422UnprocessableEntity, code, "不符合办理条件", detail);

    public static ProblemHttpResult IdempotencyConflict(string ticket) =>
        Create(StatusCodes.Status409Conflict, "idempotency_conflict", "重复的幂等键",
            $"该 Idempotency-Key 已用于另一笔内容不同的申请（办件编号 {ticket}），请为新申请使用新的键。");

    public static ProblemHttpResult InvalidJson(string detail) => ApiProblems.InvalidJson(detail);

    public static ValidationProblem Invalid(IDictionary<string, string[]> errors) => ApiProblems.Invalid(errors);
}
