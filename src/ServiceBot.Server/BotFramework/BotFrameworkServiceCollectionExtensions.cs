using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using ServiceBot.Backend;
using ServiceBot.Storage.Postgres;

namespace ServiceBot.Server.BotFramework;

public static class BotFrameworkServiceCollectionExtensions
{
    public const string HttpClientName = "botframework";

    /// <summary>Binds and validates <c>BotFramework</c> at start and registers the Activity endpoint's services.</summary>
    public static IServiceCollection AddBotFramework(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<BotFrameworkOptions>().Bind(configuration.GetSection(BotFrameworkOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<BotFrameworkOptions>, BotFrameworkOptionsValidator>();
        services.AddMemoryCache();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<BotAuthentication>();
        services.AddSingleton<BotTokens>();
        services.AddSingleton<BotConnector>();
        services.AddSingleton<BotMessageHandler>();
        services.AddSingleton<BotTurnQueue>();
        // With the state in PostgreSQL every replica sees which activities were taken in; otherwise this process remembers.
        services.TryAddSingleton<IBotDeliveryLedger>(provider => provider.GetService<PostgresDatabase>() is { } database
            ? new PostgresBotDeliveryLedger(database)
            : new MemoryBotDeliveryLedger(provider.GetRequiredService<IMemoryCache>()));
        services.AddHostedService(provider => provider.GetRequiredService<BotTurnQueue>());
        services.AddHttpClient(HttpClientName)
            // A serviceUrl that redirects would carry the bot's token and the reply to wherever it points.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false })
            .AddStandardResilienceHandler(options =>
            {
                // Metadata and key fetches may be retried; a resent reply would show twice in the chat.
                var transient = options.Retry.ShouldHandle;
                options.Retry.ShouldHandle = args =>
                    args.Context.GetRequestMessage() is { } request && !BackendRetry.IsReplaySafe(request)
                        ? ValueTask.FromResult(false)
                        : transient(args);
            });
        return services;
    }
}
