using ServiceBot.Core.Tests.Knowledge;
using ServiceBot.Retrieval.Ranking;

namespace ServiceBot.Core.Tests.Retrieval.Ranking;

public sealed class KnowledgeRankerTests
{
    /// <summary>One split on <paramref name="feature"/>: clauses above <paramref name="threshold"/> score 1, the rest 0.</summary>
    internal static TreeEnsemble Favouring(KnowledgeRankingFeature feature, float threshold) => new(KnowledgeRankingFeatures.Names, bias: 0,
    [
        new RankingTree(1.0, splitFeatures: [KnowledgeRankingFeatures.IndexOf(feature)], thresholds: [threshold],
            leftChildren: [~0], rightChildren: [~1], leafValues: [0.0, 1.0]),
    ]);

    [Fact]
    public void Names_LexicalFeaturesThenKnowledgeOnes_InModelOrder()
    {
        Assert.Equal(RankingFeatures.Names, KnowledgeRankingFeatures.Names.Take(RankingFeatures.Count));
        Assert.Equal(nameof(KnowledgeRankingFeature.Coverage), KnowledgeRankingFeatures.Names[KnowledgeRankingFeatures.IndexOf(KnowledgeRankingFeature.Coverage)]);
        Assert.Equal(RankingFeatures.Count + Enum.GetValues<KnowledgeRankingFeature>().Length, KnowledgeRankingFeatures.Count);
    }

    [Fact]
    public void FromOptions_Defaults_LoadsTheShippedModelOfThisBuildsFeatures()
    {
        var shipped = KnowledgeRanker.FromOptions(new KnowledgeRankingOptions());

        Assert.NotNull(shipped);
        Assert.Equal(KnowledgeRankingFeatures.Names, shipped.Features);
        Assert.NotEmpty(shipped.Trees);
    }

    [Fact]
    public void FromOptions_TurnedOff_ReturnsNoModel()
        => Assert.Null(KnowledgeRanker.FromOptions(new KnowledgeRankingOptions { UseKnowledgeRanker = false }));

    [Fact]
    public void Load_SavedModel_ScoresAsBeforeSaving()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "knowledge-ranker.json");
        var model = Favouring(KnowledgeRankingFeature.ClauseKind, 1.5f);
        model.Save(path);
        var row = new float[KnowledgeRankingFeatures.Count];
        row[KnowledgeRankingFeatures.IndexOf(KnowledgeRankingFeature.ClauseKind)] = 2;

        var loaded = KnowledgeRanker.Load(path);

        Assert.Equal(1.0, loaded.Score(row), 9);
        Assert.Equal(model.Score(row), loaded.Score(row), 9);
    }

    [Fact]
    public void Load_LexicalRankerFile_NamesTheFeaturesAndAsksToRetrain()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "lexical.json");
        new TreeEnsemble(RankingFeatures.Names, 0, []).Save(path);

        var error = Assert.Throws<InvalidDataException>(() => KnowledgeRanker.Load(path));

        Assert.Contains(nameof(KnowledgeRankingFeature.Coverage), error.Message);
        Assert.Contains("train-knowledge-ranker", error.Message);
    }

    [Fact]
    public void Load_MalformedFile_ThrowsInvalidData()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "broken.json");
        File.WriteAllText(path, "{\"format\": \"servicebot-tree-ensemble\", \"trees\": [");

        Assert.Throws<InvalidDataException>(() => KnowledgeRanker.Load(path));
    }

    [Fact]
    public void Validate_ConfiguredFileMissing_FailsNamingTheKey()
    {
        var result = new KnowledgeRankingOptionsValidator().Validate(null,
            new KnowledgeRankingOptions { KnowledgeRankerPath = Path.Combine(Path.GetTempPath(), "no-such-ranker-" + Guid.NewGuid().ToString("N") + ".json") });

        Assert.True(result.Failed);
        Assert.Contains($"{KnowledgeRankingOptions.SectionName}:{nameof(KnowledgeRankingOptions.KnowledgeRankerPath)}", result.FailureMessage);
        Assert.Contains("does not exist", result.FailureMessage);
    }

    [Fact]
    public void Validate_ConfiguredFileOfOtherFeatures_Fails()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "lexical.json");
        new TreeEnsemble(RankingFeatures.Names, 0, []).Save(path);

        var result = new KnowledgeRankingOptionsValidator().Validate(null, new KnowledgeRankingOptions { KnowledgeRankerPath = path });

        Assert.True(result.Failed);
        Assert.Contains("train-knowledge-ranker", result.FailureMessage);
    }
}
