using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ServiceBot.Answers;
using ServiceBot.Backend;
using ServiceBot.Core.Tests.Conversation;
using ServiceBot.Hosting;
using ServiceBot.Llm;
using ServiceBot.Storage;
using ServiceBot.Understanding;

namespace ServiceBot.Core.Tests.Llm;

public sealed class LlmServiceCollectionExtensionsTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        settings.TryAdd("Backend:BaseUrl", "http://backend.invalid/");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection()
            .AddServiceBotKnowledge(configuration)
            .AddServiceBotBackend(configuration)
            .AddServiceBotConversation(configuration)
            .AddSingleton<IConversationStore, InMemoryConversationStore>();
        return services.BuildServiceProvider();
    }

    private static Dictionary<string, string?> OpenAI() => new()
    {
        ["Llm:Provider"] = "openai",
        ["Llm:Endpoint"] = "http://127.0.0.1:9/v1",
        ["Llm:Model"] = "qwen-plus",
        ["Llm:ApiKey"] = "sk-test",
    };

    [Fact]
    public void AddServiceBotConversation_ProviderNone_RegistersNoModelCode()
    {
        using var provider = Build(new() { ["Llm:Provider"] = "none" });

        Assert.Null(provider.GetService<IChatClient>());
        Assert.Null(provider.GetService<IUtteranceInterpreter>());
        Assert.Null(provider.GetService<PromptLibrary>());
        Assert.IsType<ExtractiveKnowledgeAnswerer>(provider.GetRequiredService<IKnowledgeAnswerer>());
    }

    [Fact]
    public void AddServiceBotConversation_NoLlmSection_OfflineDefault()
    {
        using var provider = Build([]);

        Assert.Equal(LlmProvider.None, provider.GetRequiredService<IOptions<LlmOptions>>().Value.Provider);
        Assert.Null(provider.GetService<IChatClient>());
    }

    [Fact]
    public void AddServiceBotLlm_OpenAI_PipelineWithEveryConcernAndFallbacks()
    {
        using var provider = Build(OpenAI());

        var chat = provider.GetRequiredService<IChatClient>();
        Assert.IsType<MeteredChatClient>(chat);
        Assert.NotNull(chat.GetService<TimeoutChatClient>());
        Assert.NotNull(chat.GetService<FunctionInvokingChatClient>());
        Assert.NotNull(chat.GetService<OpenTelemetryChatClient>());
        Assert.NotNull(chat.GetService<ToolGuardrailChatClient>());
        Assert.Equal("qwen-plus", chat.GetService<ChatClientMetadata>()!.DefaultModelId);
        Assert.IsType<FallbackKnowledgeAnswerer>(provider.GetRequiredService<IKnowledgeAnswerer>());
        Assert.IsType<FallbackUtteranceInterpreter>(provider.GetRequiredService<IUtteranceInterpreter>());
    }

    [Fact]
    public void AddServiceBotLlm_ReadOnlyTools_NoSideEffectFunction()
    {
        using var provider = Build(OpenAI());

        var names = provider.GetRequiredService<ReadOnlyTools>().Names.ToList();
        var guardrail = provider.GetRequiredService<IChatClient>().GetService<ToolGuardrailChatClient>()!;

        Assert.Contains(names, n => n.Contains("FindStations", StringComparison.Ordinal));
        Assert.Contains(names, n => n.Contains("GetTicket", StringComparison.Ordinal));
        Assert.DoesNotContain(names, n => n.Contains("Submit", StringComparison.Ordinal) || n.Contains("File", StringComparison.Ordinal)
            || n.Contains("Report", StringComparison.Ordinal) || n.Contains("Register", StringComparison.Ordinal));
        Assert.Equal(names.ToHashSet(), guardrail.AllowedTools);
    }

    [Theory]
    [InlineData("openai", "Llm:Model", "Llm:Model is required")]
    [InlineData("openai", "Llm:ApiKey", "Llm:ApiKey is required")]
    [InlineData("ollama", "Llm:Endpoint", "Llm:Endpoint is required")]
    public void AddServiceBotLlm_MissingSetting_FailsValidationNamingTheKey(string providerName, string missing, string message)
    {
        var settings = OpenAI();
        settings["Llm:Provider"] = providerName;
        settings.Remove(missing);
        using var provider = Build(settings);

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<LlmOptions>>().Value);
        Assert.Contains(message, exception.Message);
        Assert.DoesNotContain("sk-test", exception.Message);
    }

    [Fact]
    public void AddServiceBotLlm_ZeroTimeout_FailsValidation()
    {
        var settings = OpenAI();
        settings["Llm:Timeout"] = "00:00:00";
        using var provider = Build(settings);

        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<LlmOptions>>().Value);
    }
}
