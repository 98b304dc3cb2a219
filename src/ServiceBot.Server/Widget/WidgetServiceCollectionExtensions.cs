using Microsoft.Extensions.DependencyInjection.Extensions;
using ServiceBot.Storage;

namespace ServiceBot.Server.Widget;

public static class WidgetServiceCollectionExtensions
{
    /// <summary>The embeddable widget: its assets, streaming chat, and answer feedback stored with the conversation state.</summary>
    private static readonly string[] GetOrHead = ["GET", "HEAD"];

    public static IServiceCollection AddWidget(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WidgetOptions>()
            .Bind(configuration.GetSection(WidgetOptions.SectionName))
            .ValidateDataAnnotations()
            .Validate(o => o.AllowedOrigins.Length > 0 && o.AllowedOrigins.All(IsOrigin),
                "Widget:AllowedOrigins must list \"*\" or origins such as https://www.example.gov.cn.")
            .ValidateOnStart();
        services.AddSingleton<WidgetAssets>();
        services.TryAddSingleton<LiveTranscripts>();
        services.AddServiceBotState(configuration);
        // With the state shared in PostgreSQL, an agent's line written on one replica wakes the widget on another at once.
        if (StateProviders.IsPostgres(configuration[$"{StateOptions.SectionName}:{nameof(StateOptions.Provider)}"]))
        {
            services.TryAddSingleton<PostgresLiveTranscripts>();
            services.TryAddSingleton<ILiveTranscriptBroadcast>(sp => sp.GetRequiredService<PostgresLiveTranscripts>());
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, PostgresLiveTranscripts>(sp => sp.GetRequiredService<PostgresLiveTranscripts>()));
        }
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }

    /// <summary><c>GET /</c> (demo page), <c>/widget/*</c>, <c>GET /api/chat/welcome</c>, <c>POST /api/chat/stream</c>, <c>GET /api/chat/events</c>, <c>/api/feedback</c>.</summary>
    public static WebApplication MapWidget(this WebApplication app)
    {
        app.Use(WidgetCors.InvokeAsync);

        app.MapMethods("/", GetOrHead, (HttpContext context, WidgetAssets assets) => assets.Serve(context, "index.html", "no-cache"))
            .ExcludeFromDescription();
        // Not fingerprinted (the embed tag is fixed), so caches revalidate with the ETag after five minutes.
        app.MapMethods("/widget/{file}", GetOrHead, (string file, HttpContext context, WidgetAssets assets) =>
                file is "index.html" ? (IResult)TypedResults.NotFound() : assets.Serve(context, file, "public, max-age=300"))
            .ExcludeFromDescription();

        app.MapGet("/api/chat/welcome", WelcomeApi.Get);
        app.MapPost("/api/chat/stream", ChatStreamApi.HandleAsync);
        app.MapGet("/api/chat/events", ChatEventsApi.StreamAsync);
        app.MapPost("/api/feedback", FeedbackApi.PostAsync);
        app.MapGet("/api/feedback", FeedbackApi.ListAsync);
        return app;
    }

    private static bool IsOrigin(string value) =>
        value == "*" || Uri.TryCreate(value, UriKind.Absolute, out var uri)
            && uri.Scheme is "http" or "https" && uri.AbsolutePath == "/" && !value.EndsWith('/');
}
