using ServiceBot.Knowledge;
using ServiceBot.Storage;

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

public static partial class ReadinessExtensions
{
    /// <summary>How long <c>/health/ready</c> waits for the state store before calling it unavailable.</summary>
    public static readonly TimeSpan StoreProbeTimeout = TimeSpan.FromSeconds(5);

    public static IServiceCollection AddReadiness(this IServiceCollection services)
    {
        services.AddSingleton<Readiness>();
        services.AddHostedService(sp => sp.GetRequiredService<Readiness>());
        return services;
    }

    /// <summary>
    /// <c>/healthz</c> (CONTRACT: 200 once the knowledge index is loaded), and the split for orchestrators:
    /// <c>/health/live</c> is 200 while the process serves requests; <c>/health/ready</c> is 200 once the knowledge index is
    /// loaded and the state store answers, 503 otherwise, naming which part is not ready.
    /// </summary>
    public static IEndpointRouteBuilder MapReadiness(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", (Readiness readiness) => readiness.IsReady
            ? Results.Ok(new { status = "ok" })
            : Results.Json(new { status = "starting" }, statusCode: StatusCodes.Status503ServiceUnavailable));
        app.MapGet("/health/live", () => Results.Ok(new { status = "alive" }));
        app.MapGet("/health/ready", async (Readiness readiness, IConversationStore store, ILogger<Readiness> logger, CancellationToken cancellationToken) =>
        {
            var stateOk = await StoreAnswersAsync(store, logger, cancellationToken);
            var ready = readiness.IsReady && stateOk;
            return Results.Json(new
            {
                status = ready ? "ready" : "not_ready",
                knowledge = readiness.IsReady ? "loaded" : "loading",
                state = stateOk ? "ok" : "unavailable",
            }, statusCode: ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        });
        return app;
    }

    /// <summary>One read of the conversation store (an id no conversation has), within <see cref="StoreProbeTimeout"/>.</summary>
    private static async Task<bool> StoreAnswersAsync(IConversationStore store, ILogger logger, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(StoreProbeTimeout);
        try
        {
            await store.FindAsync("health-probe", timeout.Token);
            return true;
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            LogStoreUnavailable(logger, exception.GetType().Name);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Readiness: the state store did not answer ({ExceptionType}).")]
    private static partial void LogStoreUnavailable(ILogger logger, string exceptionType);
}
