namespace ServiceBot.Server.Staff;

/// <summary>The roles of signed-in staff. A supervisor may do what an agent does; an admin may do everything.</summary>
public static class StaffRoles
{
    public const string Agent = "agent";
    public const string Supervisor = "supervisor";
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Agent, Supervisor, Admin];

    /// <summary>Roles allowed on routes for agents.</summary>
    public static readonly IReadOnlyList<string> Desk = [Agent, Supervisor, Admin];

    /// <summary>Roles allowed to read audit trails and act on conversations others hold.</summary>
    public static readonly IReadOnlyList<string> Supervisors = [Supervisor, Admin];
}
