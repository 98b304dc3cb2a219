using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using ServiceBot.Tests.Embeddings.Onnx;

namespace ServiceBot.Tests.Embeddings;

public sealed class EmbeddingsServiceCollectionExtensionsTests(MiniLmModelFixture model) : IClassFixture<MiniLmModelFixture>
{
    private static float[] FakeVector(string text) => [text.Length, text.Count(c => c == ' '), 0.5f];

    [Fact]
    public async Task AddServiceBotEmbeddings_OpenAICompatibleEndpoint_ReturnsServerVectorsAndSendsModelAndKey()
    {
        await using var server = new FakeOpenAIEmbeddingsServer(FakeVector);
        using var services = EmbeddingsOptionsValidationTests.BuildProvider("openai",
        [
            $"Endpoint={server.BaseAddress}v1",
            "Model=text-embedding-3-small",
            "ApiKey=sk-test-from-config",
        ]);
        services.GetRequiredService<Microsoft.Extensions.Options.IStartupValidator>().Validate();
        var generator = services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();

        var embeddings = await generator.GenerateAsync(["住房公积金 提取", "hello world again"]);

        Assert.Equal(FakeVector("住房公积金 提取"), embeddings[0].Vector.ToArray());
        Assert.Equal(FakeVector("hello world again"), embeddings[1].Vector.ToArray());
        var request = Assert.Single(server.Requests);
        Assert.Equal("/v1/embeddings", request.Path);
        Assert.Equal("Bearer sk-test-from-config", request.Authorization);
        Assert.Equal("text-embedding-3-small", request.Body["model"]?.GetValue<string>());
    }

    [Fact]
    public async Task AddServiceBotEmbeddings_OpenAIWithDimensions_SendsDimensions()
    {
        await using var server = new FakeOpenAIEmbeddingsServer(FakeVector);
        using var services = EmbeddingsOptionsValidationTests.BuildProvider("openai",
            [$"Endpoint={server.BaseAddress}v1", "Model=m", "ApiKey=k", "Dimensions=3"]);
        var generator = services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();

        await generator.GenerateAsync(["x"]);

        Assert.Equal(3, Assert.Single(server.Requests).Body["dimensions"]?.GetValue<int>());
    }

    [Fact]
    public async Task AddServiceBotEmbeddings_Onnx_ResolvesGeneratorOverModelFolder()
    {
        using var services = EmbeddingsOptionsValidationTests.BuildProvider("onnx",
            [$"ModelPath={model.Folder}", "MaxTokens=128", "Pooling=Mean"]);
        services.GetRequiredService<Microsoft.Extensions.Options.IStartupValidator>().Validate();
        var generator = services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();

        var vector = await generator.GenerateVectorAsync("住房公积金提取");

        Assert.Equal("onnx", generator.GetService<EmbeddingGeneratorMetadata>()?.ProviderName);
        Assert.Equal(384, vector.Length);
    }
}
