using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ServiceBot.Assist;
using ServiceBot.Backend;
using ServiceBot.Core.Tests.Conversation;
using ServiceBot.Hosting;
using ServiceBot.Llm;
using ServiceBot.Storage;

namespace ServiceBot.Core.Tests.Hosting;

public sealed class AssistServiceCollectionExtensionsTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        settings.TryAdd("Backend:BaseUrl", "http://backend.invalid/");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection()
            .AddServiceBotKnowledge(configuration)
            .AddServiceBotBackend(configuration)
            .AddServiceBotConversation(configuration)
            .AddServiceBotAssist(configuration)
            .AddSingleton<IConversationStore, InMemoryConversationStore>()
            .BuildServiceProvider();
    }

    [Fact]
    public void AddServiceBotAssist_NoModel_OfflineImplementations()
    {
        using var provider = Build([]);

        Assert.IsType<TemplatedReplySuggester>(provider.GetRequiredService<IReplySuggester>());
        Assert.IsType<ExtractiveConversationSummarizer>(provider.GetRequiredService<IConversationSummarizer>());
        Assert.IsType<DraftChecker>(provider.GetRequiredService<IDraftChecker>());
        Assert.IsType<CallAssistant>(provider.GetRequiredService<ICallAssistant>());
    }

    [Fact]
    public void AddServiceBotAssist_ModelConfigured_ModelBackedWithOfflineFallback()
    {
        using var provider = Build(new()
        {
            ["Llm:Provider"] = "openai",
            ["Llm:Endpoint"] = "http://127.0.0.1:9/v1",
            ["Llm:Model"] = "qwen-plus",
            ["Llm:ApiKey"] = "sk-test",
        });

        Assert.IsType<FallbackReplySuggester>(provider.GetRequiredService<IReplySuggester>());
        Assert.IsType<FallbackConversationSummarizer>(provider.GetRequiredService<IConversationSummarizer>());
        Assert.IsType<CallAssistant>(provider.GetRequiredService<ICallAssistant>());
    }
}
