using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ServiceBot.Conversation;
using ServiceBot.Handoff;
using ServiceBot.Storage;
using ServiceBot.Storage.Postgres;
using ServiceBot.Storage.Retention;

namespace ServiceBot.Core.Tests.Storage;

public sealed class StorageServiceCollectionExtensionsTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings) => new ServiceCollection()
        .AddLogging()
        .AddServiceBotState(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
        .BuildServiceProvider();

    [Theory]
    [InlineData("0")]
    [InlineData("3651")]
    [InlineData("-5")]
    public void AddServiceBotState_RetentionDaysOutOfRange_RejectedAtStart(string days)
    {
        using var provider = Build(new() { ["State:RetentionDays"] = days });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<StateOptions>>().Value);
        Assert.Contains("RetentionDays", error.Message);
    }

    [Fact]
    public void AddServiceBotState_Defaults_KeepsDataHalfAYearAndSweepsInTheBackground()
    {
        using var provider = Build(new());

        var options = provider.GetRequiredService<IOptions<StateOptions>>().Value;
        Assert.Equal(180, options.RetentionDays);
        Assert.Equal(Path.GetFullPath(Path.Combine(".servicebot", "keys")), options.ResolveKeysPath());
        Assert.Contains(provider.GetServices<IHostedService>(), s => s is StateRetentionService);
    }

    [Fact]
    public void AddServiceBotState_CalledTwice_OneRetentionService()
    {
        var configuration = new ConfigurationBuilder().Build();
        using var provider = new ServiceCollection().AddLogging()
            .AddServiceBotState(configuration).AddServiceBotState(configuration).BuildServiceProvider();

        Assert.Single(provider.GetServices<IHostedService>().OfType<StateRetentionService>());
    }

    [Fact]
    public void ResolveKeysPath_KeysPathSet_UsesIt()
    {
        var options = new StateOptions { ConnectionString = "Data Source=/var/lib/servicebot/state.db", KeysPath = "/etc/servicebot/keys" };

        Assert.Equal(Path.GetFullPath("/etc/servicebot/keys"), options.ResolveKeysPath());
        Assert.Equal(Path.GetFullPath("/var/lib/servicebot/keys"), new StateOptions { ConnectionString = options.ConnectionString }.ResolveKeysPath());
    }

    private static ServiceProvider BuildWith(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        return new ServiceCollection().AddLogging().AddServiceBotState(configuration).BuildServiceProvider();
    }

    [Fact]
    public void AddServiceBotState_PostgresProvider_ComposesEveryStoreAndTheLockOnPostgres()
    {
        using var services = BuildWith(("State:Provider", "Postgres"), ("State:ConnectionString", "Host=db.internal;Database=servicebot;Username=bot"));

        Assert.IsType<PostgresConversationStore>(services.GetRequiredService<IConversationStore>());
        Assert.IsType<PostgresFeedbackStore>(services.GetRequiredService<IFeedbackStore>());
        Assert.IsType<PostgresHandoffStore>(services.GetRequiredService<IHandoffStore>());
        Assert.IsType<PostgresAuditLog>(services.GetRequiredService<IAuditLog>());
        Assert.IsType<PostgresTurnLock>(services.GetRequiredService<ITurnLock>());
        Assert.IsType<PostgresStateEraser>(services.GetRequiredService<IStateEraser>());
        Assert.Equal("Host=db.internal;Database=servicebot;Username=bot", services.GetRequiredService<PostgresDatabase>().ConnectionString);
    }

    [Fact]
    public void AddServiceBotState_Default_ComposesSqliteAndTheInProcessLock()
    {
        using var services = BuildWith();

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
        using var services = BuildWith(("State:Provider", provider), ("State:ConnectionString", connectionString));

        var refused = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<StateOptions>>().Value);
        Assert.Contains(message, refused.Message);
    }
}
