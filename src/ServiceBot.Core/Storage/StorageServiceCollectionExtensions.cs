using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ServiceBot.Handoff;
using ServiceBot.Storage.Protection;
using ServiceBot.Storage.Retention;

namespace ServiceBot.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// The conversation, feedback, handoff and audit stores, one embedded SQLite database (<c>State:ConnectionString</c>),
    /// and the <see cref="HandoffController"/> that keeps the handoff state in them for the engine. What they keep of
    /// users is encrypted with Data Protection keys in <c>State:KeysPath</c>; a hosted service deletes it after
    /// <c>State:RetentionDays</c>, and <see cref="IStateEraser"/> deletes one user's on request.
    /// </summary>
    public static IServiceCollection AddServiceBotState(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StateOptions>()
            .Bind(configuration.GetSection(StateOptions.SectionName))
            .ValidateDataAnnotations()
            .Validate(o => IsValidConnectionString(o.ConnectionString), "State:ConnectionString is not a valid SQLite connection string.")
            .ValidateOnStart();
        services.TryAddSingleton<IStateProtector>(sp =>
            DataProtectionStateProtector.ForKeysFolder(sp.GetRequiredService<IOptions<StateOptions>>().Value.ResolveKeysPath()));
        services.TryAddSingleton<IConversationStore, SqliteConversationStore>();
        services.TryAddSingleton<IFeedbackStore, SqliteFeedbackStore>();
        services.TryAddSingleton<IHandoffStore, SqliteHandoffStore>();
        services.TryAddSingleton<IAuditLog, SqliteAuditLog>();
        services.TryAddSingleton<IStateEraser, SqliteStateEraser>();
        services.AddHostedService<StateRetentionService>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new HandoffController(
            sp.GetRequiredService<IHandoffStore>(), sp.GetRequiredService<IAuditLog>(), sp.GetRequiredService<TimeProvider>()));
        return services;
    }

    private static bool IsValidConnectionString(string value)
    {
        try
        {
            return !string.IsNullOrWhiteSpace(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(value).DataSource);
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
