using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ServiceBot.Analytics;
using ServiceBot.Answers;
using ServiceBot.Conversation;
using ServiceBot.Conversation.Rewriting;
using ServiceBot.Knowledge;
using ServiceBot.Llm;
using ServiceBot.Tasks;
using ServiceBot.Text;
using ServiceBot.Understanding;
using ServiceBot.Understanding.Intents;

namespace ServiceBot.Hosting;

public static class ConversationServiceCollectionExtensions
{
    /// <summary>
    /// The conversation slice: <c>Conversation</c> options (validated at start), the understanding components, the task
    /// catalog, the form engine over the backend plugins and the conversation engine, all singletons. It relies on
    /// <see cref="KnowledgeServiceCollectionExtensions.AddServiceBotKnowledge"/> and
    /// <see cref="Backend.BackendServiceCollectionExtensions.AddServiceBotBackend"/>, and registers no
    /// <see cref="Storage.IConversationStore"/>: the host chooses where conversations live.
    /// </summary>
    public static IServiceCollection AddServiceBotConversation(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        // First, so that with a model configured its answerer and interpreter take the seams; with none it registers nothing.
        services.AddServiceBotLlm(configuration);
        services.AddOptions<ConversationOptions>()
            .Bind(configuration.GetSection(ConversationOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        // The conversation reads dates in the service's zone; the host's (often UTC) would put 昨天 on the wrong day.
        services.TryAddSingleton(sp => new ServiceTimeProvider(sp.GetRequiredService<TimeProvider>(),
            ServiceTimeProvider.FindTimeZone(sp.GetRequiredService<IOptions<ConversationOptions>>().Value.TimeZone)));
        // The knowledge base's analyzer is only reachable once its index is loaded; the classifier trains at start with its own.
        services.TryAddSingleton(_ => IntentClassifier.CreateDefault(new ChineseAnalyzer()));
        services.TryAddSingleton(sp => ConversationUnderstanding.Create(sp.GetRequiredService<IntentClassifier>(), sp.GetRequiredService<ServiceTimeProvider>()));
        services.TryAddSingleton(TaskCatalog.Default);
        services.TryAddSingleton<ITaskBackend>(sp => new KernelTaskBackend(sp));
        services.TryAddSingleton<IKnowledgeAnswerer>(sp => new ExtractiveKnowledgeAnswerer(
            sp.GetRequiredService<KnowledgeBaseProvider>(), sp.GetRequiredService<ExtractiveAnswerComposer>()));
        services.TryAddSingleton(sp => new FormEngine(
            sp.GetRequiredService<TaskCatalog>(), sp.GetRequiredService<ConversationUnderstanding>(), sp.GetRequiredService<ITaskBackend>(),
            sp.GetRequiredService<IKnowledgeAnswerer>(), sp.GetRequiredService<ServiceTimeProvider>(), sp.GetRequiredService<IOptions<ConversationOptions>>(),
            sp.GetService<IUtteranceInterpreter>()));
        services.TryAddSingleton(sp => new QuestionRewriter(sp.GetRequiredService<KnowledgeBaseProvider>(), sp.GetRequiredService<IntentClassifier>()));
        services.TryAddSingleton(sp => ActivatorUtilities.CreateInstance<ConversationEngine>(sp, sp.GetRequiredService<ServiceTimeProvider>()));
        // Every channel's turns pass the recorder: metrics always, the turn analytics when the host keeps state.
        services.TryAddSingleton<IConversationEngine>(sp => new RecordingConversationEngine(sp.GetRequiredService<ConversationEngine>(),
            sp.GetService<ITurnAnalyticsStore>(), sp.GetRequiredService<TimeProvider>(), sp.GetService<ILogger<RecordingConversationEngine>>() ?? NullLogger<RecordingConversationEngine>.Instance));
        services.TryAddSingleton<IStreamingConversationEngine>(sp => new StreamingConversationEngine(sp.GetRequiredService<IConversationEngine>()));
        return services;
    }
}
