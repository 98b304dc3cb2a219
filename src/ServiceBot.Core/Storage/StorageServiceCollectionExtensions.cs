using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ServiceBot.Conversation;
using ServiceBot.Handoff;
using ServiceBot.Storage.Postgres;

namespace ServiceBot.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// The conversation, feedback, handoff and audit stores and the per-user turn lock, on the provider <c>State:Provider</c>
    /// names: one embedded SQLite database (the default) or a PostgreSQL database shared by replicas (<c>postgres</c>,
    /// migrated at start). Also the <see cref="HandoffController"/> that keeps the handoff state in them for the engine.
    /// </summary>
    public static IServiceCollection AddServiceBotState(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StateOptions>()
            .Bind(configuration.GetSection(StateOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StateOptions>, StateOptionsValidator>());

        if (StateProviders.IsPostgres(configuration[$"{StateOptions.SectionName}:{nameof(StateOptions.Provider)}"]))
        {
            services.TryAddSingleton<PostgresDatabase>();
            services.TryAddSingleton<IConversationStore, PostgresConversationStore>();
            services.TryAddSingleton<IFeedbackStore, PostgresFeedbackStore>();
            services.TryAddSingleton<IHandoffStore, PostgresHandoffStore>();
            services.TryAddSingleton<IAuditLog, PostgresAuditLog>();
            services.TryAddSingleton<ITurnLock, PostgresTurnLock>();
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, PostgresMigrationService>());
        }
        else
        {
            // An unknown provider lands here too; StateOptionsValidator refuses it when the options are first read.
            services.TryAddSingleton<IConversationStore, SqliteConversationStore>();
            services.TryAddSingleton<IFeedbackStore, SqliteFeedbackStore>();
            services.TryAddSingleton<IHandoffStore, SqliteHandoffStore>();
            services.TryAddSingleton<IAuditLog, SqliteAuditLog>();
            services.TryAddSingleton<ITurnLock, InProcessTurnLock>();
        }
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new HandoffController(
            sp.GetRequiredService<IHandoffStore>(), sp.GetRequiredService<IAuditLog>(), sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}
