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
}
