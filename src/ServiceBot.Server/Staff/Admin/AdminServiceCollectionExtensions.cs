using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ServiceBot.Analytics.Dashboard;
using ServiceBot.Hosting;
using ServiceBot.Server.Staff.Admin.HitTest;
using ServiceBot.Server.Staff.Admin.Insight;
using ServiceBot.Server.Staff.Admin.Knowledge;
using ServiceBot.Server.Staff.Admin.Review;

namespace ServiceBot.Server.Staff.Admin;

public static class AdminServiceCollectionExtensions
{
    private static readonly string[] GetOrHead = ["GET", "HEAD"];

    /// <summary>
    /// The admin console: the <c>Admin</c> options (validated at start), the page, the audit of admin actions.
    /// Staff accounts come from <see cref="AgentDesk.AgentDeskServiceCollectionExtensions.AddAgentDesk"/>.
    /// </summary>
    public static IServiceCollection AddAdminConsole(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AdminOptions>().Bind(configuration.GetSection(AdminOptions.SectionName))
            .PostConfigure(AdminOptions.CreateKnowledgeFolder).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AdminOptions>, AdminOptionsValidator>();
        // Uploads are indexed after the configured folders, by the same pipeline and on every start.
        services.AddOptions<KnowledgeOptions>().PostConfigure<IOptions<AdminOptions>>((knowledge, admin) => knowledge.AddFolder(admin.Value.KnowledgeFullPath));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<AdminAssets>();
        services.AddSingleton<AdminAudit>();
        services.AddSingleton<UploadedDocuments>();
        services.AddSingleton<ReindexJob>();
        services.TryAddSingleton<DashboardBuilder>();
        services.AddOptions<ReviewOptions>().Bind(configuration.GetSection(ReviewOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ReviewOptions>, ReviewOptionsValidator>();
        services.AddSingleton<ReviewQueue>();
        services.AddSingleton<ReviewedQuestions>();
        services.AddSingleton<CuratedAnswers>();
        return services;
    }

    /// <summary>
    /// <c>GET /admin</c> (the console page, its shell and tab scripts) and every <c>/api/admin/...</c> route, for the
    /// role <c>admin</c> only: no or a wrong token → 401, another role → 403.
    /// </summary>
    public static WebApplication MapAdminConsole(this WebApplication app)
    {
        app.MapMethods("/admin", GetOrHead, (HttpContext context, AdminAssets assets) => assets.Serve(context, "admin.html", "no-cache"))
            .ExcludeFromDescription();
        app.MapMethods("/admin/{file}", GetOrHead, (string file, HttpContext context, AdminAssets assets) =>
                file is "admin.html" ? (IResult)TypedResults.NotFound() : assets.Serve(context, file, "no-cache"))
            .ExcludeFromDescription();

        var api = app.MapGroup("/api/admin").RequireStaff([StaffRoles.Admin]);
        api.MapGet("/me", (HttpContext context) => TypedResults.Ok(context.Member()));
        api.MapDocumentsApi();
        api.MapHitTestApi();
        api.MapDashboardApi();
        api.MapAuditExportApi();
        api.MapReviewApi();
        return app;
    }
}
