using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ServiceBot.Storage;
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
}
