using ServiceBot.Hosting;

namespace ServiceBot.Core.Tests.Hosting;

public sealed class IndexOptionsValidatorTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(0.5)]
    [InlineData(0.85)]
    [InlineData(1)]
    public void Validate_UsableNearDuplicateThreshold_Succeeds(double threshold)
        => Assert.True(new IndexOptionsValidator().Validate(null, new IndexOptions { NearDuplicateThreshold = threshold }).Succeeded);

    [Theory]
    [InlineData(0.2)]
    [InlineData(1.2)]
    [InlineData(-0.5)]
    public void Validate_NearDuplicateThresholdOutOfRange_FailsNamingTheKey(double threshold)
    {
        var result = new IndexOptionsValidator().Validate(null, new IndexOptions { NearDuplicateThreshold = threshold });
        Assert.True(result.Failed);
        Assert.Contains("Index:NearDuplicateThreshold", result.FailureMessage);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.1)]
    [InlineData(1.01)]
    [InlineData(double.NaN)]
    public void Validate_MinedLayTermWeightOutOfRange_FailsNamingTheKey(double weight)
    {
        var result = new IndexOptionsValidator().Validate(null, new IndexOptions { MinedLayTermWeight = weight });

        Assert.True(result.Failed);
        Assert.Contains("Index:MinedLayTermWeight", result.FailureMessage);
    }

    [Fact]
    public void Validate_DefaultMinedLayTermWeight_IsBelowTheHandWrittenOne()
    {
        var options = new IndexOptions();

        Assert.True(new IndexOptionsValidator().Validate(null, options).Succeeded);
        Assert.True(options.MinedLayTermWeight < new ServiceBot.Text.ChineseAnalyzerOptions().LayExpansionWeight);
    }
}
