namespace ServiceBot.Understanding.Intents;

/// <summary>Intents the router knows: the catalog tasks (CONTRACT §3) and the conversational ones.</summary>
public static class IntentNames
{
    public const string FundWithdrawal = "fund_withdrawal";
    public const string InjuryReport = "injury_report";
    public const string WageComplaint = "wage_complaint";
    public const string InsuranceTransfer = "insurance_transfer";
    public const string HotlineAppeal = "hotline_appeal";
    public const string StationFinder = "station_finder";
    public const string TicketStatus = "ticket_status";
    public const string ForeignEnterpriseRegistration = "foreign_enterprise_registration";

    /// <summary>A question about policy or law, answered from the knowledge index.</summary>
    public const string PolicyQuestion = "policy_question";
    /// <summary>A question about one of the tasks (租房能提公积金吗): answer it, then offer to start the task.</summary>
    public const string TaskQuestion = "task_question";
    public const string Greeting = "greeting";
    public const string Thanks = "thanks";
    public const string HumanAgent = "human_agent";
    public const string OutOfScope = "out_of_scope";

    public static readonly IReadOnlyList<string> Tasks =
        [FundWithdrawal, InjuryReport, WageComplaint, InsuranceTransfer, HotlineAppeal, StationFinder, TicketStatus, ForeignEnterpriseRegistration];

    public static bool IsTask(string intent) => Tasks.Contains(intent);
}
