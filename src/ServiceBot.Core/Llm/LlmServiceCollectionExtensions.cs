using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OllamaSharp;
using OpenAI;
using ServiceBot.Answers;
using ServiceBot.Knowledge;
using ServiceBot.Understanding;

namespace ServiceBot.Llm;

public static class LlmServiceCollectionExtensions
{
    /// <summary>Names the OpenTelemetry activity source and meter of model calls.</summary>
    public const string TelemetrySourceName = "ServiceBot.Llm";

    /// <summary>
    /// The LLM brain's one composition point. Binds and validates the <c>Llm</c> section at start. With <c>Provider=none</c>
    /// (the default) it registers nothing else, so no model code can run. Otherwise it registers the <see cref="IChatClient"/>
    /// pipeline (timeout → logging → OpenTelemetry → bounded function invocation → tool guardrail → provider), the prompt
    /// library, the read-only tools, and model-backed <see cref="IKnowledgeAnswerer"/> and <see cref="IUtteranceInterpreter"/>
    /// that fall back to the offline engine. This is the only place that knows provider SDK types.
    /// Call it before the conversation slice registers its offline defaults (<c>AddServiceBotConversation</c> does).
    /// </summary>
    public static IServiceCollection AddServiceBotLlm(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        var section = configuration.GetSection(LlmOptions.SectionName);
        services.AddOptions<LlmOptions>()
            .Bind(section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LlmOptions>, LlmOptionsValidator>());

        // The provider decides which registrations exist, so it is read here; the factories use the validated options.
        if (section.GetValue(nameof(LlmOptions.Provider), LlmProvider.None) == LlmProvider.None) return services;

        services.TryAddSingleton(sp => new PromptLibrary(sp.GetRequiredService<IOptions<LlmOptions>>().Value.ResolvedPromptsPath));
        services.TryAddSingleton(ReadOnlyTools.Create);
        services.AddChatClient(sp => CreateProviderClient(sp.GetRequiredService<IOptions<LlmOptions>>().Value))
            .UseCallMetrics()
            .UseTimeout(sp => sp.GetRequiredService<IOptions<LlmOptions>>().Value.Timeout)
            .UseLogging()
            .UseOpenTelemetry(sourceName: TelemetrySourceName)
            .UseFunctionInvocation(configure: f =>
            {
                f.MaximumIterationsPerRequest = MaxToolIterationsOf(configuration);
                f.IncludeDetailedErrors = false;
            })
            .UseToolGuardrail(sp => sp.GetRequiredService<ReadOnlyTools>().Names);

        services.TryAddSingleton<IKnowledgeAnswerer>(sp => new FallbackKnowledgeAnswerer(
            new GroundedKnowledgeAnswerer(sp.GetRequiredService<KnowledgeBaseProvider>(), sp.GetRequiredService<ExtractiveAnswerComposer>(),
                sp.GetRequiredService<IChatClient>(), sp.GetRequiredService<PromptLibrary>(), sp.GetRequiredService<ReadOnlyTools>(),
                sp.GetRequiredService<IOptions<LlmOptions>>()),
            new ExtractiveKnowledgeAnswerer(sp.GetRequiredService<KnowledgeBaseProvider>(), sp.GetRequiredService<ExtractiveAnswerComposer>()),
            sp.GetService<ILogger<FallbackKnowledgeAnswerer>>()));
        services.TryAddSingleton<IUtteranceInterpreter>(sp => new FallbackUtteranceInterpreter(
            new ModelUtteranceInterpreter(sp.GetRequiredService<IChatClient>(), sp.GetRequiredService<PromptLibrary>(),
                sp.GetService<TimeProvider>() ?? TimeProvider.System),
            sp.GetService<ILogger<FallbackUtteranceInterpreter>>()));
        return services;
    }

    // UseFunctionInvocation's callback gets no services; the bound value is range-checked at start with the other options.
    private static int MaxToolIterationsOf(IConfiguration configuration)
        => Math.Clamp(configuration.GetSection(LlmOptions.SectionName).GetValue(nameof(LlmOptions.MaxToolIterations), new LlmOptions().MaxToolIterations), 1, 10);

    private static IChatClient CreateProviderClient(LlmOptions options) => options.Provider switch
    {
        LlmProvider.OpenAI => CreateOpenAI(options, options.Endpoint is { Length: > 0 } endpoint ? new Uri(endpoint) : null),
        LlmProvider.Azure => CreateOpenAI(options, AzureV1Endpoint(options.Endpoint!)),
        LlmProvider.Ollama => new OllamaApiClient(new Uri(options.Endpoint!), options.Model!),
        _ => throw new InvalidOperationException($"Llm:Provider {options.Provider} has no chat client."),
    };

    private static IChatClient CreateOpenAI(LlmOptions options, Uri? endpoint)
    {
        var clientOptions = new OpenAIClientOptions
        {
            // Falling back to the offline engine beats waiting through retries: the turn has a budget of a few seconds.
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = options.Timeout,
        };
        if (endpoint is not null) clientOptions.Endpoint = endpoint;
        if (options.Provider == LlmProvider.Azure) clientOptions.AddPolicy(new AzureApiKeyPolicy(options.ApiKey!), PipelinePosition.PerCall);
        return new OpenAIClient(new ApiKeyCredential(options.ApiKey!), clientOptions).GetChatClient(options.Model!).AsIChatClient();
    }

    /// <summary>Azure OpenAI's OpenAI-compatible surface lives under <c>/openai/v1/</c> of the resource address.</summary>
    private static Uri AzureV1Endpoint(string endpoint)
    {
        var root = endpoint.TrimEnd('/');
        return new Uri(root.EndsWith("/openai/v1", StringComparison.OrdinalIgnoreCase) ? root + "/" : root + "/openai/v1/");
    }

    /// <summary>Azure OpenAI reads the key from the <c>api-key</c> header.</summary>
    private sealed class AzureApiKeyPolicy(string apiKey) : PipelinePolicy
    {
        public override void Process(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
        {
            message.Request.Headers.Set("api-key", apiKey);
            ProcessNext(message, pipeline, currentIndex);
        }

        public override ValueTask ProcessAsync(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
        {
            message.Request.Headers.Set("api-key", apiKey);
            return ProcessNextAsync(message, pipeline, currentIndex);
        }
    }
}
