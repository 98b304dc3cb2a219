using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ServiceBot.Answers;
using ServiceBot.Assist;
using ServiceBot.Conversation;
using ServiceBot.Knowledge;
using ServiceBot.Llm;
using ServiceBot.Tasks;

namespace ServiceBot.Hosting;

public static class AssistServiceCollectionExtensions
{
    /// <summary>
    /// The agent-assist slice, one composition point: <see cref="ICallAssistant"/>, <see cref="IReplySuggester"/>,
    /// <see cref="IConversationSummarizer"/> and <see cref="IDraftChecker"/>, all singletons. Offline they are extractive
    /// and templated. When a model is configured (<c>Llm:Provider</c> other than none, so <see cref="IChatClient"/> is
    /// registered), suggestions and summaries come from the <c>SuggestReplies</c> and <c>Summarize</c> prompts with the
    /// offline ones behind them. Transcripts are read in the service's time zone (Asia/Shanghai). It relies on
    /// <see cref="ConversationServiceCollectionExtensions.AddServiceBotConversation"/> and
    /// <see cref="KnowledgeServiceCollectionExtensions.AddServiceBotKnowledge"/>.
    /// </summary>
    public static IServiceCollection AddServiceBotAssist(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.TryAddSingleton(sp =>
        {
            var clock = sp.GetRequiredService<ServiceTimeProvider>();
            var understanding = sp.GetRequiredService<ConversationUnderstanding>();
            return new TranscriptTaskReader(sp.GetRequiredService<TaskCatalog>(),
                ConversationUnderstanding.Create(understanding.Intents, clock));
        });
        services.TryAddSingleton<TemplatedReplySuggester>(sp => new TemplatedReplySuggester(
            sp.GetRequiredService<KnowledgeBaseProvider>(), sp.GetRequiredService<ExtractiveAnswerComposer>(), sp.GetRequiredService<TranscriptTaskReader>()));
        services.TryAddSingleton<ExtractiveConversationSummarizer>(sp => new ExtractiveConversationSummarizer(sp.GetRequiredService<TaskCatalog>()));

        services.TryAddSingleton<IReplySuggester>(sp => sp.GetService<IChatClient>() is { } chat
            ? new FallbackReplySuggester(
                new ModelReplySuggester(sp.GetRequiredService<KnowledgeBaseProvider>(), sp.GetRequiredService<ExtractiveAnswerComposer>(), chat,
                    sp.GetRequiredService<PromptLibrary>(), sp.GetRequiredService<IOptions<LlmOptions>>()),
                sp.GetRequiredService<TemplatedReplySuggester>(), sp.GetService<ILogger<FallbackReplySuggester>>())
            : sp.GetRequiredService<TemplatedReplySuggester>());
        services.TryAddSingleton<IConversationSummarizer>(sp => sp.GetService<IChatClient>() is { } chat
            ? new FallbackConversationSummarizer(
                new ModelConversationSummarizer(chat, sp.GetRequiredService<PromptLibrary>()),
                sp.GetRequiredService<ExtractiveConversationSummarizer>(), sp.GetService<ILogger<FallbackConversationSummarizer>>())
            : sp.GetRequiredService<ExtractiveConversationSummarizer>());
        services.TryAddSingleton<IDraftChecker, DraftChecker>();
        services.TryAddSingleton<ICallAssistant>(sp => new CallAssistant(
            sp.GetRequiredService<TranscriptTaskReader>(), sp.GetRequiredService<IConversationSummarizer>(),
            sp.GetRequiredService<IReplySuggester>(), sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}
