using System.ClientModel;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OllamaSharp;
using OpenAI;
using ServiceBot.Embeddings.Onnx;

namespace ServiceBot.Embeddings;

public static class EmbeddingsServiceCollectionExtensions
{
    /// <summary>
    /// Binds and validates the <c>Embeddings</c> section at start, then registers a singleton
    /// <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/> for the configured provider (none registers no generator).
    /// This is the only place that knows provider SDK types.
    /// </summary>
    public static IServiceCollection AddServiceBotEmbeddings(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        var section = configuration.GetSection(EmbeddingsOptions.SectionName);
        services.AddOptions<EmbeddingsOptions>()
            .Bind(section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<EmbeddingsOptions>, EmbeddingsOptionsValidator>();

        // The provider picks which registration exists, so it is read here; the factories below
        // still go through the validated options.
        var provider = section.GetValue(nameof(EmbeddingsOptions.Provider), EmbeddingProvider.None);
        Func<EmbeddingsOptions, IEmbeddingGenerator<string, Embedding<float>>>? create = provider switch
        {
            EmbeddingProvider.OpenAI => CreateOpenAI,
            EmbeddingProvider.Ollama => o => new OllamaApiClient(new Uri(o.Endpoint!), o.Model!),
            EmbeddingProvider.Onnx => o => new OnnxEmbeddingGenerator(o.ModelPath!, new OnnxEmbeddingGeneratorOptions
            {
                MaxTokens = o.MaxTokens,
                Pooling = o.Pooling,
                Dimensions = o.Dimensions,
            }),
            _ => null,
        };
        if (create is not null)
            services.AddSingleton(sp => create(sp.GetRequiredService<IOptions<EmbeddingsOptions>>().Value));
        return services;
    }

    private static IEmbeddingGenerator<string, Embedding<float>> CreateOpenAI(EmbeddingsOptions options)
    {
        var clientOptions = new OpenAIClientOptions();
        if (!string.IsNullOrWhiteSpace(options.Endpoint)) clientOptions.Endpoint = new Uri(options.Endpoint);
        return new OpenAIClient(new ApiKeyCredential(options.ApiKey!), clientOptions)
            .GetEmbeddingClient(options.Model!)
            .AsIEmbeddingGenerator(options.Dimensions);
    }
}
