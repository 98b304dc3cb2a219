using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using ServiceBot.Telemetry;

namespace ServiceBot.Server.Telemetry;

public static class TelemetryServiceCollectionExtensions
{
    /// <summary>
    /// OpenTelemetry metrics: the service's own meter (<see cref="ServiceBotTelemetry"/>: turns, retrieval, tasks, model
    /// calls) and ASP.NET Core's request metrics, read by the Prometheus exporter. <c>Metrics</c> options validated at start.
    /// </summary>
    public static IServiceCollection AddServiceBotMetrics(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MetricsOptions>().Bind(configuration.GetSection(MetricsOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<MetricsOptions>, MetricsOptionsValidator>();
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("servicebot"))
            .WithMetrics(metrics => metrics
                .AddMeter(ServiceBotTelemetry.Name)
                .AddAspNetCoreInstrumentation()
                .AddPrometheusExporter());
        return services;
    }

    /// <summary><c>GET /metrics</c> in the Prometheus text format, behind <see cref="MetricsAccess"/>.</summary>
    public static IEndpointRouteBuilder MapServiceBotMetrics(this IEndpointRouteBuilder app)
    {
        app.MapPrometheusScrapingEndpoint("/metrics", meterProvider: null, configureBranchedPipeline: MetricsAccess.Guard, optionsName: null)
            .ExcludeFromDescription();
        return app;
    }
}
