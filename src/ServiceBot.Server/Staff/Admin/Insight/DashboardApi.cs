using ServiceBot.Analytics.Dashboard;
using ServiceBot.Conversation;

namespace ServiceBot.Server.Staff.Admin.Insight;

/// <summary><c>GET /api/admin/dashboard?from=YYYY-MM-DD&amp;to=YYYY-MM-DD</c>: the figures of a period, days in the service's zone.</summary>
public static class DashboardApi
{
    public static RouteGroupBuilder MapDashboardApi(this RouteGroupBuilder admin)
    {
        admin.MapGet("/dashboard", GetAsync);
        return admin;
    }

    private static async Task<IResult> GetAsync(string? from, string? to, DashboardBuilder dashboard, ServiceTimeProvider clock,
        CancellationToken cancellationToken)
    {
        var (period, problem) = AdminPeriod.Parse(from, to, clock, DashboardBuilder.MaxDays);
        if (problem is not null) return problem;
        return TypedResults.Ok(await dashboard.BuildAsync(period!.Value.From, period.Value.To, cancellationToken));
    }
}
