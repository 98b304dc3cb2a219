namespace ServiceBot.Server.Sandbox;

/// <summary>A ticket as the contract shows it: <c>{"ticket","task","status","slots","createdAt"}</c>; slots use the catalog slot ids.</summary>
public sealed record SandboxTicket(string Ticket, string Task, string Status, IReadOnlyDictionary<string, string> Slots, DateTimeOffset CreatedAt);

public static class TicketStatus
{
    public const string Accepted = "已受理";
    public const string InProgress = "办理中";
    public const string Completed = "已办结";

    public static readonly IReadOnlyList<string> All = [Accepted, InProgress, Completed];
}

/// <summary>Catalog task names (CONTRACT §3) and the readable prefix each area puts on its ticket numbers.</summary>
public static class SandboxTasks
{
    public const string FundWithdrawal = "fund_withdrawal";
    public const string InjuryReport = "injury_report";
    public const string WageComplaint = "wage_complaint";
    public const string InsuranceTransfer = "insurance_transfer";
    public const string HotlineAppeal = "hotline_appeal";
    public const string ForeignEnterpriseRegistration = "foreign_enterprise_registration";

    public static string PrefixOf(string task) => task switch
    {
        FundWithdrawal => "GJJ",
        InjuryReport => "ZYSH",
        WageComplaint => "QX",
        InsuranceTransfer => "SBZY",
        HotlineAppeal => "RX",
        ForeignEnterpriseRegistration => "WZDJ",
        _ => throw new ArgumentOutOfRangeException(nameof(task), task, "Not a task with a side effect."),
    };
}
