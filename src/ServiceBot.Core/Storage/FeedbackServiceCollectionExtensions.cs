using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ServiceBot.Storage;

public static class FeedbackServiceCollectionExtensions
{
    /// <summary>The feedback store, in the same SQLite database as the conversation state (<c>State:ConnectionString</c>).</summary>
    public static IServiceCollection AddServiceBotFeedback(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StateOptions>()
            .Bind(configuration.GetSection(StateOptions.SectionName))
            .ValidateDataAnnotations()
            .Validate(o => HasDataSource(o.ConnectionString), "State:ConnectionString is not a valid SQLite connection string.")
            .ValidateOnStart();
        services.TryAddSingleton<IFeedbackStore, SqliteFeedbackStore>();
        return services;
    }

    private static bool HasDataSource(string value)
    {
        try
        {
            return !string.IsNullOrWhiteSpace(new SqliteConnectionStringBuilder(value).DataSource);
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
