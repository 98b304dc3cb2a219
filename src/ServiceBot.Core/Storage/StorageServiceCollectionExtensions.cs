using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ServiceBot.Analytics;
using ServiceBot.Conversation;
using ServiceBot.Handoff;
using ServiceBot.Storage.Postgres;
using ServiceBot.Storage.Protection;
using ServiceBot.Storage.Retention;

namespace ServiceBot.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// The conversation, feedback, handoff, audit and turn analytics stores and the per-user turn lock, on the provider <c>State:Provider</c>
    /// names: one embedded SQLite database (the default) or a PostgreSQL database shared by replicas (<c>postgres</c>,
    /// migrated at start). Also the <see cref="HandoffController"/> that keeps the handoff state in them for the engine.
    /// What they keep of users is encrypted with Data Protection keys (in <c>State:KeysPath</c> for SQLite, in the shared
    /// database for PostgreSQL); a hosted service deletes it after <c>State:RetentionDays</c>, and
    /// <see cref="IStateEraser"/> deletes one user's on request.
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
            // Replicas share the key ring through the database, so each can read what another wrote.
            services.TryAddSingleton<IStateProtector>(sp =>
                DataProtectionStateProtector.ForRepository(new PostgresKeyRepository(sp.GetRequiredService<PostgresDatabase>())));
            // The conversation store writes each turn's analytics row in the turn's own batch when the analytics are its neighbour's.
            services.TryAddSingleton<IConversationStore>(sp => new PostgresConversationStore(sp.GetRequiredService<PostgresDatabase>(),
                sp.GetRequiredService<IStateProtector>(), sp.GetService<ITurnAnalyticsStore>() as PostgresTurnAnalyticsStore));
            services.TryAddSingleton<IFeedbackStore, PostgresFeedbackStore>();
            services.TryAddSingleton<IHandoffStore, PostgresHandoffStore>();
            services.TryAddSingleton<IAuditLog, PostgresAuditLog>();
            services.TryAddSingleton<ITurnAnalyticsStore, PostgresTurnAnalyticsStore>();
            services.TryAddSingleton<IStateEraser, PostgresStateEraser>();
            services.TryAddSingleton<ITurnLock, PostgresTurnLock>();
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, PostgresMigrationService>());
        }
        else
        {
            // An unknown provider lands here too; StateOptionsValidator refuses it when the options are first read.
            services.TryAddSingleton<IStateProtector>(sp =>
                DataProtectionStateProtector.ForKeysFolder(sp.GetRequiredService<IOptions<StateOptions>>().Value.ResolveKeysPath()));
            // The conversation store writes each turn's analytics row in the turn's own transaction when the analytics are in its file.
            services.TryAddSingleton<IConversationStore>(sp => new SqliteConversationStore(sp.GetRequiredService<IOptions<StateOptions>>(),
                sp.GetRequiredService<IStateProtector>(), sp.GetService<ITurnAnalyticsStore>() as SqliteTurnAnalyticsStore));
            services.TryAddSingleton<IFeedbackStore, SqliteFeedbackStore>();
            services.TryAddSingleton<IHandoffStore, SqliteHandoffStore>();
            services.TryAddSingleton<IAuditLog, SqliteAuditLog>();
            services.TryAddSingleton<ITurnAnalyticsStore, SqliteTurnAnalyticsStore>();
            services.TryAddSingleton<IStateEraser, SqliteStateEraser>();
            services.TryAddSingleton<ITurnLock, InProcessTurnLock>();
        }
        services.AddHostedService<StateRetentionService>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new HandoffController(
            sp.GetRequiredService<IHandoffStore>(), sp.GetRequiredService<IAuditLog>(), sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}
