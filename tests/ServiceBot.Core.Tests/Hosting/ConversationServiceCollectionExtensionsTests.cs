using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ServiceBot.Backend;
using ServiceBot.Conversation;
using ServiceBot.Core.Tests.Conversation;
using ServiceBot.Hosting;
using ServiceBot.Storage;
using ServiceBot.Tasks;

namespace ServiceBot.Core.Tests.Hosting;

public sealed class ConversationServiceCollectionExtensionsTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings, bool withStore = true)
    {
        settings.TryAdd("Backend:BaseUrl", "http://backend.invalid/");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection()
            .AddServiceBotKnowledge(configuration)
            .AddServiceBotBackend(configuration)
            .AddServiceBotConversation(configuration);
        if (withStore) services.AddSingleton<IConversationStore, InMemoryConversationStore>();
        return services.BuildServiceProvider();
    }

    [Fact]
    public void AddServiceBotConversation_WithHostStore_ResolvesEngineOverThePluginBackend()
    {
        using var provider = Build([]);

        Assert.NotNull(provider.GetRequiredService<ConversationEngine>());
        Assert.IsType<KernelTaskBackend>(provider.GetRequiredService<ITaskBackend>());
        Assert.Same(TimeProvider.System, provider.GetRequiredService<TimeProvider>());
        Assert.Equal(2000, provider.GetRequiredService<IOptions<ConversationOptions>>().Value.MaxTextLength);
    }

    [Fact]
    public void AddServiceBotConversation_Alone_RegistersNoConversationStore()
    {
        using var provider = Build([], withStore: false);

        Assert.Null(provider.GetService<IConversationStore>());
    }

    [Fact]
    public void AddServiceBotConversation_ConfiguredLimit_Bound()
    {
        using var provider = Build(new() { ["Conversation:MaxTextLength"] = "500" });

        Assert.Equal(500, provider.GetRequiredService<IOptions<ConversationOptions>>().Value.MaxTextLength);
    }

    [Fact]
    public void AddServiceBotConversation_NonPositiveLimit_FailsValidation()
    {
        using var provider = Build(new() { ["Conversation:MaxTextLength"] = "0" });

        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ConversationOptions>>().Value);
    }
}
