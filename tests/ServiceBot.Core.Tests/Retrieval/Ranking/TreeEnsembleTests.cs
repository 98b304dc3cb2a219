using ServiceBot.Core.Tests.Knowledge;
using ServiceBot.Retrieval.Ranking;

namespace ServiceBot.Core.Tests.Retrieval.Ranking;

public class TreeEnsembleTests
{
    // Tree 1: x0 <= 0.5 ? leaf0 (1.0) : (x1 <= 2 ? leaf1 (3.0) : leaf2 (5.0)). Tree 2: a single split on x1 at 10, weight 0.5.
    private static TreeEnsemble Tiny() => new(["x0", "x1"], bias: 0.25,
    [
        new RankingTree(1.0, splitFeatures: [0, 1], thresholds: [0.5f, 2f], leftChildren: [~0, ~1], rightChildren: [1, ~2], leafValues: [1.0, 3.0, 5.0]),
        new RankingTree(0.5, splitFeatures: [1], thresholds: [10f], leftChildren: [~0], rightChildren: [~1], leafValues: [-2.0, 4.0]),
    ]);

    [Theory]
    [InlineData(0.0f, 0.0f, 0.25 + 1.0 + 0.5 * -2.0)]
    [InlineData(0.5f, 99f, 0.25 + 1.0 + 0.5 * 4.0)] // equal to the threshold goes left
    [InlineData(1.0f, 2.0f, 0.25 + 3.0 + 0.5 * -2.0)]
    [InlineData(1.0f, 11f, 0.25 + 5.0 + 0.5 * 4.0)]
    public void Score_HandBuiltEnsemble_FollowsEachTreeToItsLeaf(float x0, float x1, double expected)
        => Assert.Equal(expected, Tiny().Score([x0, x1]), 9);

    [Fact]
    public void Contributions_AddUpToTheScore_AndNameTheDecidingFeature()
    {
        var ensemble = Tiny();
        float[] features = [1.0f, 11f];
        var contributions = ensemble.Contributions(features, out var baseline);
        Assert.Equal(ensemble.Score(features), baseline + contributions.Sum(), 9);
        // Tree 1 mean 3.0 → right subtree mean 4.0 (x0) → leaf 5.0 (x1); tree 2 mean 1.0 → leaf 4.0, weighted 0.5 (x1).
        Assert.Equal(1.0, contributions[0], 9);
        Assert.Equal(1.0 + 1.5, contributions[1], 9);
    }

    [Fact]
    public void SaveLoad_RoundTrip_ScoresIdentically()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "model.json");
        var ensemble = Tiny();
        ensemble.Save(path);
        var loaded = TreeEnsemble.Load(path);
        foreach (var features in new[] { new[] { 0f, 0f }, new[] { 1f, 2f }, new[] { 1f, 50f } })
            Assert.Equal(ensemble.Score(features), loaded.Score(features), 12);
        Assert.Equal(["x0", "x1"], loaded.Features);
    }

    [Fact]
    public void Constructor_ChildOutsideTheTree_IsRejected()
        => Assert.Throws<ArgumentException>(() => new TreeEnsemble(["x0"], 0,
            [new RankingTree(1, [0], [0.5f], [~0], [~5], [1.0, 2.0])]));

    [Fact]
    public void Load_NotAModel_ThrowsInvalidData()
    {
        using var folder = new TempFolder();
        var path = folder.Write("model.json", "{\"format\":\"something-else\",\"version\":1}");
        Assert.Throws<InvalidDataException>(() => TreeEnsemble.Load(path));
    }

    [Fact]
    public void LexicalRankerLoad_ModelOfOtherFeatures_AsksToRetrain()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "model.json");
        Tiny().Save(path);
        var error = Assert.Throws<InvalidDataException>(() => LexicalRanker.Load(path));
        Assert.Contains("Train the ranker again", error.Message);
    }

    [Fact]
    public void LexicalRankerDefault_ShippedModel_MatchesThisBuildsFeatures()
    {
        var shipped = LexicalRanker.Default;
        Assert.NotNull(shipped);
        Assert.Equal(RankingFeatures.Names, shipped.Features);
        Assert.NotEmpty(shipped.Trees);
    }
}
