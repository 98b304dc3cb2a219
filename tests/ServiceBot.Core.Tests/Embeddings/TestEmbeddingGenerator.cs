using Microsoft.Extensions.AI;

namespace ServiceBot.Tests.Embeddings;

/// <summary>Delegate-backed <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/> for tests.</summary>
public sealed class TestEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    public Func<IEnumerable<string>, EmbeddingGenerationOptions?, CancellationToken, Task<GeneratedEmbeddings<Embedding<float>>>>? GenerateAsyncCallback { get; set; }

    public Func<Type, object?, object?>? GetServiceCallback { get; set; }

    /// <summary>Convenience: embeds each input independently with <paramref name="embed"/>.</summary>
    public static TestEmbeddingGenerator FromFunction(Func<string, float[]> embed) => new()
    {
        GenerateAsyncCallback = (values, _, _) =>
            Task.FromResult(new GeneratedEmbeddings<Embedding<float>>(values.Select(v => new Embedding<float>(embed(v))))),
    };

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
        => GenerateAsyncCallback?.Invoke(values, options, cancellationToken)
           ?? throw new InvalidOperationException("GenerateAsyncCallback is not set.");

    public object? GetService(Type serviceType, object? serviceKey = null)
        => GetServiceCallback is { } callback ? callback(serviceType, serviceKey) : serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }
}
