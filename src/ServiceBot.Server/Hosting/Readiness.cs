using ServiceBot.Knowledge;

namespace ServiceBot.Server.Hosting;

/// <summary>
/// Builds (or refreshes) the knowledge index in the background at start; <c>GET /healthz</c> answers 200
/// only once the first turn can be answered without that delay, and 503 until then.
/// </summary>
public sealed class Readiness(KnowledgeBaseProvider knowledge, ILogger<Readiness> logger) : BackgroundService
{
    private volatile bool _ready;

    public bool IsReady => _ready;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await knowledge.GetAsync(stoppingToken);
        _ready = true;
        logger.LogInformation("Knowledge index loaded; ServiceBot is ready.");
    }
}

public static class ReadinessExtensions
{
    public static IServiceCollection AddReadiness(this IServiceCollection services)
    {
        services.AddSingleton<Readiness>();
        services.AddHostedService(sp => sp.GetRequiredService<Readiness>());
        return services;
    }

    public static IEndpointRouteBuilder MapReadiness(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", (Readiness readiness) => readiness.IsReady
            ? Results.Ok(new { status = "ok" })
            : Results.Json(new { status = "starting" }, statusCode: StatusCodes.Status503ServiceUnavailable));
        return app;
    }
}
