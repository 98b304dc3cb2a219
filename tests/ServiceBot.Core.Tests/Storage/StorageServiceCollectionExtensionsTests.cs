using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ServiceBot.Conversation;
using ServiceBot.Handoff;
using ServiceBot.Storage;
using ServiceBot.Storage.Postgres;

namespace ServiceBot.Core.Tests.Storage;

public sealed class StorageServiceCollectionExtensionsTests
{
    private static ServiceProvider Build(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        return new ServiceCollection().AddServiceBotState(configuration).BuildServiceProvider();
    }

    [Fact]
    public void AddServiceBotState_PostgresProvider_ComposesEveryStoreAndTheLockOnPostgres()
    {
        using var services = Build(("State:Provider", "Postgres"), ("State:ConnectionString", "Host=db.internal;Database=servicebot;Username=bot"));

        Assert.IsType<PostgresConversationStore>(services.GetRequiredService<IConversationStore>());
        Assert.IsType<PostgresFeedbackStore>(services.GetRequiredService<IFeedbackStore>());
        Assert.IsType<PostgresHandoffStore>(services.GetRequiredService<IHandoffStore>());
        Assert.IsType<PostgresAuditLog>(services.GetRequiredService<IAuditLog>());
        Assert.IsType<PostgresTurnLock>(services.GetRequiredService<ITurnLock>());
        Assert.Equal("Host=db.internal;Database=servicebot;Username=bot", services.GetRequiredService<PostgresDatabase>().ConnectionString);
    }

    [Fact]
    public void AddServiceBotState_Default_ComposesSqliteAndTheInProcessLock()
    {
        using var services = Build();

        Assert.IsType<SqliteConversationStore>(services.GetRequiredService<IConversationStore>());
        Assert.IsType<SqliteHandoffStore>(services.GetRequiredService<IHandoffStore>());
        Assert.IsType<InProcessTurnLock>(services.GetRequiredService<ITurnLock>());
        Assert.Null(services.GetService<PostgresDatabase>());
    }

    [Theory]
    [InlineData("mysql", "Data Source=state.db", "State:Provider \"mysql\" is not supported")]
    [InlineData("postgres", "Data Source=state.db", "State:ConnectionString must be an Npgsql connection string")]
    [InlineData("postgres", "Database=servicebot", "State:ConnectionString must be an Npgsql connection string")]
    [InlineData("sqlite", "Host=db;Database=servicebot", "not a valid SQLite connection string")]
    public void AddServiceBotState_BadSettings_RefusedWithMessageNamingTheKey(string provider, string connectionString, string message)
    {
        using var services = Build(("State:Provider", provider), ("State:ConnectionString", connectionString));

        var refused = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<StateOptions>>().Value);
        Assert.Contains(message, refused.Message);
    }
}
