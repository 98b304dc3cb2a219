using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ServiceBot.Answers;
using ServiceBot.Core.Tests.Knowledge;
using ServiceBot.Hosting;
using ServiceBot.Ingestion;
using ServiceBot.Knowledge;
using ServiceBot.Retrieval.Ranking;

namespace ServiceBot.Core.Tests.Hosting;

public sealed class KnowledgeServiceCollectionExtensionsTests
{
    [Fact]
    public void AddServiceBotKnowledge_NoConfiguration_UsesContractDefaults()
    {
        using var provider = Build([]);

        var knowledge = provider.GetRequiredService<IOptions<KnowledgeOptions>>().Value;
        var index = provider.GetRequiredService<IOptions<IndexOptions>>().Value;

        Assert.Equal([Path.GetFullPath("knowledge")], knowledge.EffectivePaths);
        Assert.Equal(Path.GetFullPath(".servicebot/index"), index.FullPath);
        Assert.NotNull(provider.GetRequiredService<IngestionPipeline>());
        Assert.NotNull(provider.GetRequiredService<KnowledgeBaseProvider>());
        Assert.NotNull(provider.GetRequiredService<ExtractiveAnswerComposer>());
    }

    [Fact]
    public void KeepDefaultFirst_OnlySecondPath_AddsItToTheDefaultFolder()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Knowledge:Paths:1"] = "laws" })
            .Build();
        var options = configuration.GetSection("Knowledge").Get<KnowledgeOptions>()!;

        KnowledgeOptions.KeepDefaultFirst(options, configuration.GetSection("Knowledge:Paths"));

        Assert.Equal([Path.GetFullPath("knowledge"), Path.GetFullPath("laws")], options.EffectivePaths);
    }

    [Fact]
    public void AddServiceBotKnowledge_OnlyFirstPath_ReplacesTheDefaultFolder()
    {
        using var folder = new TempFolder();
        using var provider = Build(new() { ["Knowledge:Paths:0"] = folder.Path });

        Assert.Equal([folder.Path], provider.GetRequiredService<IOptions<KnowledgeOptions>>().Value.EffectivePaths);
    }

    [Fact]
    public void AddServiceBotKnowledge_EnvironmentStyleKeys_BindPathsList()
    {
        using var folder = new TempFolder();
        using var provider = Build(new() { ["Knowledge:Paths:0"] = folder.Path, ["Knowledge:Paths:1"] = KnowledgePaths.KnowledgeFolder, ["Index:Path"] = "x/idx" });

        var knowledge = provider.GetRequiredService<IOptions<KnowledgeOptions>>().Value;

        Assert.Equal([folder.Path, KnowledgePaths.KnowledgeFolder], knowledge.EffectivePaths);
        Assert.Equal(Path.GetFullPath("x/idx"), provider.GetRequiredService<IOptions<IndexOptions>>().Value.FullPath);
    }

    [Fact]
    public void AddServiceBotKnowledge_MissingConfiguredFolder_FailsNamingIt()
    {
        using var provider = Build(new() { ["Knowledge:Paths:0"] = "no/such/folder" });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<KnowledgeOptions>>().Value);

        Assert.Contains("no/such/folder", error.Message);
    }

    [Fact]
    public void AddServiceBotKnowledge_KnowledgeRankerFileMissing_FailsValidationNamingTheKey()
    {
        using var provider = Build(new() { ["Retrieval:KnowledgeRankerPath"] = "no/such/knowledge-ranker.json" });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<KnowledgeRankingOptions>>().Value);
        Assert.Contains("Retrieval:KnowledgeRankerPath", error.Message);
    }

    [Fact]
    public void AddServiceBotKnowledge_KnowledgeRankerOff_BindsTheSwitch()
    {
        using var provider = Build(new() { ["Retrieval:UseKnowledgeRanker"] = "false" });

        Assert.False(provider.GetRequiredService<IOptions<KnowledgeRankingOptions>>().Value.UseKnowledgeRanker);
        Assert.NotNull(provider.GetRequiredService<ExtractiveAnswerComposer>());
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddServiceBotKnowledge(configuration).BuildServiceProvider();
    }
}
