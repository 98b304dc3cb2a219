using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ServiceBot.Answers;
using ServiceBot.Answers.Refusal;
using ServiceBot.Conversation;
using ServiceBot.Embeddings;
using ServiceBot.Ingestion;
using ServiceBot.Knowledge;
using ServiceBot.Retrieval.Ranking;

namespace ServiceBot.Hosting;

public static class KnowledgeServiceCollectionExtensions
{
    /// <summary>
    /// The one composition point of the knowledge slice: the Knowledge, Index, Answers and Retrieval options (validated at
    /// start), the optional embedder (through <see cref="EmbeddingsServiceCollectionExtensions.AddServiceBotEmbeddings"/>),
    /// the ingestion pipeline, the knowledge base provider and the answer composer.
    /// </summary>
    public static IServiceCollection AddServiceBotKnowledge(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        var knowledgeSection = configuration.GetSection(KnowledgeOptions.SectionName);
        services.AddOptions<KnowledgeOptions>().Bind(knowledgeSection)
            .PostConfigure(options => KnowledgeOptions.KeepDefaultFirst(options, knowledgeSection.GetSection(nameof(KnowledgeOptions.Paths))))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<KnowledgeOptions>, KnowledgeOptionsValidator>());
        services.AddOptions<IndexOptions>().Bind(configuration.GetSection(IndexOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<IndexOptions>, IndexOptionsValidator>());
        services.AddOptions<AnswerOptions>().Bind(configuration.GetSection(AnswerOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AnswerOptions>, AnswerOptionsValidator>());
        services.AddOptions<KnowledgeRankingOptions>().Bind(configuration.GetSection(KnowledgeRankingOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<KnowledgeRankingOptions>, KnowledgeRankingOptionsValidator>());
        services.AddServiceBotEmbeddings(configuration);

        services.TryAddSingleton(sp => new IngestionPipeline(
            sp.GetRequiredService<IOptions<KnowledgeOptions>>(),
            sp.GetRequiredService<IOptions<IndexOptions>>(),
            sp.GetService<IEmbeddingGenerator<string, Embedding<float>>>()));
        services.TryAddSingleton(sp => new KnowledgeBaseProvider(
            sp.GetRequiredService<IngestionPipeline>(),
            sp.GetRequiredService<IOptions<IndexOptions>>(),
            sp.GetService<IEmbeddingGenerator<string, Embedding<float>>>(),
            // The service clock when conversation services are present (its configured zone), else Beijing time.
            sp.GetService<ServiceTimeProvider>()));
        services.TryAddSingleton(sp =>
        {
            var answers = sp.GetRequiredService<IOptions<AnswerOptions>>();
            return new ExtractiveAnswerComposer(answers, RefusalModel.FromOptions(answers.Value), sp.GetRequiredService<IOptions<KnowledgeRankingOptions>>().Value);
        });
        return services;
    }
}
