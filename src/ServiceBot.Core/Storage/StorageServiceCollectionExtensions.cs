using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ServiceBot.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>The conversation and feedback stores: one embedded SQLite database, <c>State:ConnectionString</c>.</summary>
    public static IServiceCollection AddServiceBotState(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StateOptions>()
            .Bind(configuration.GetSection(StateOptions.SectionName))
            .ValidateDataAnnotations()
            .Validate(o => IsValidConnectionString(o.ConnectionString), "State:ConnectionString is not a valid SQLite connection string.")
            .ValidateOnStart();
        services.TryAddSingleton<IConversationStore, SqliteConversationStore>();
        services.TryAddSingleton<IFeedbackStore, SqliteFeedbackStore>();
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
