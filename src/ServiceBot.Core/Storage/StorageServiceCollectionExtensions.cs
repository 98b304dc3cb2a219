using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ServiceBot.Handoff;

namespace ServiceBot.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// The conversation, feedback, handoff and audit stores, one embedded SQLite database (<c>State:ConnectionString</c>),
    /// and the <see cref="HandoffController"/> that keeps the handoff state in them for the engine.
    /// </summary>
    public static IServiceCollection AddServiceBotState(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StateOptions>()
            .Bind(configuration.GetSection(StateOptions.SectionName))
            .ValidateDataAnnotations()
            .Validate(o => IsValidConnectionString(o.ConnectionString), "State:ConnectionString is not a valid SQLite connection string.")
            .ValidateOnStart();
        services.TryAddSingleton<IConversationStore, SqliteConversationStore>();
        services.TryAddSingleton<IFeedbackStore, SqliteFeedbackStore>();
        services.TryAddSingleton<IHandoffStore, SqliteHandoffStore>();
        services.TryAddSingleton<IAuditLog, SqliteAuditLog>();
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
