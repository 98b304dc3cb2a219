namespace ServiceBot.Backend;

/// <summary>
/// The answer to a submission. A business-rule refusal is data (<see cref="Accepted"/> false with a stable
/// <see cref="ErrorCode"/> and a Chinese <see cref="Message"/> to show the user), not an exception;
/// only an unreachable or failing backend throws.
/// </summary>
public sealed record SubmissionResult(bool Accepted, string? Ticket, string? ErrorCode, string? Message)
{
    public static SubmissionResult Success(TicketInfo ticket) =>
        new(true, ticket.Ticket, null, $"申请已受理，办件编号：{ticket.Ticket}。");

    public static SubmissionResult Refused(BackendProblem problem) => new(false, null, problem.Code, problem.Message);
}

/// <summary>The answer to a look-up: the value, or why there is none (e.g. <c>person_not_found</c>).</summary>
public sealed record LookupResult<T>(bool Found, T? Value, string? ErrorCode, string? Message)
{
    public static LookupResult<T> Success(T value) => new(true, value, null, null);

    public static LookupResult<T> Missing(BackendProblem problem) => new(false, default, problem.Code, problem.Message);
}

/// <summary>A 4xx answer from the backend: its stable code and its user-facing message.</summary>
public sealed record BackendProblem(int Status, string Code, string Message);

public sealed record FundAccount(
    string IdNumber, string Name, string? City, string Account, string Status, decimal Balance, decimal MonthlyDeposit, string OpenSince);

public sealed record InsuranceRecord(string IdNumber, string Name, string City, IReadOnlyList<string> Types, bool InjuryPilot);

public sealed record ServiceStation(string Name, string City, string District, string Address, string Hours, IReadOnlyList<string> Services);

/// <summary>A ticket: <see cref="Task"/> is the catalog task name and <see cref="Slots"/> use the catalog slot ids.</summary>
public sealed record TicketInfo(string Ticket, string Task, string Status, IReadOnlyDictionary<string, string> Slots, DateTimeOffset CreatedAt);
