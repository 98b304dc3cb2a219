using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ServiceBot.Embeddings;

namespace ServiceBot.Tests.Embeddings;

public sealed class EmbeddingsOptionsValidationTests
{
    public static TheoryData<string, string[], string> InvalidSettings => new()
    {
        { "openai", ["ApiKey=k"], "Embeddings:Model" },
        { "openai", ["Model=text-embedding-3-small"], "Embeddings:ApiKey" },
        { "openai", ["Model=m", "ApiKey=k", "Endpoint=not a url"], "Embeddings:Endpoint" },
        { "openai", ["Model=m", "ApiKey=k", "Endpoint=ftp://example.org/v1"], "Embeddings:Endpoint" },
        { "ollama", ["Model=bge-m3"], "Embeddings:Endpoint" },
        { "ollama", ["Endpoint=http://localhost:11434"], "Embeddings:Model" },
        { "ollama", ["Endpoint=http://localhost:11434", "Model=bge-m3", "Dimensions=256"], "Embeddings:Dimensions" },
        { "onnx", [], "Embeddings:ModelPath" },
        { "onnx", ["ModelPath=/nonexistent/servicebot/model"], "/nonexistent/servicebot/model" },
        { "none", ["MaxTokens=1"], "Embeddings:MaxTokens" },
        { "none", ["Dimensions=0"], "Embeddings:Dimensions" },
    };

    [Theory]
    [MemberData(nameof(InvalidSettings))]
    public void Options_InvalidProviderSettings_FailNamingTheKey(string provider, string[] settings, string expected)
    {
        using var services = BuildProvider(provider, settings);

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<EmbeddingsOptions>>().Value);

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void StartupValidation_InvalidSettings_FailsBeforeAnyResolve()
    {
        using var services = BuildProvider("ollama", ["Model=bge-m3"]);

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Embeddings:Endpoint", error.Message);
    }

    [Fact]
    public void Generator_InvalidSettings_FailsToResolve()
    {
        using var services = BuildProvider("openai", ["ApiKey=k"]);

        Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>());
    }

    [Fact]
    public void AddServiceBotEmbeddings_ProviderNone_RegistersNoGenerator()
    {
        using var services = BuildProvider("none", []);

        services.GetRequiredService<IStartupValidator>().Validate();
        Assert.Null(services.GetService<IEmbeddingGenerator<string, Embedding<float>>>());
    }

    [Fact]
    public void AddServiceBotEmbeddings_NoSection_DefaultsToNone()
    {
        var services = new ServiceCollection()
            .AddServiceBotEmbeddings(new ConfigurationBuilder().Build())
            .BuildServiceProvider();

        Assert.Equal(EmbeddingProvider.None, services.GetRequiredService<IOptions<EmbeddingsOptions>>().Value.Provider);
        Assert.Null(services.GetService<IEmbeddingGenerator<string, Embedding<float>>>());
    }

    [Fact]
    public void AddServiceBotEmbeddings_Ollama_RegistersGeneratorForTheModel()
    {
        using var services = BuildProvider("Ollama", ["Endpoint=http://localhost:11434", "Model=bge-m3"]);

        var generator = services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();

        Assert.Equal("bge-m3", generator.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelId);
        Assert.Same(generator, services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>());
    }

    internal static ServiceProvider BuildProvider(string provider, IEnumerable<string> settings)
    {
        var values = settings
            .Select(s => s.Split('=', 2))
            .Select(kv => new KeyValuePair<string, string?>("Embeddings:" + kv[0], kv[1]))
            .Append(new KeyValuePair<string, string?>("Embeddings:Provider", provider));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        return new ServiceCollection().AddServiceBotEmbeddings(configuration).BuildServiceProvider();
    }
}
