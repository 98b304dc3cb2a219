using ServiceBot.Core.Tests.Knowledge;
using ServiceBot.Places;

namespace ServiceBot.Core.Tests.Places;

public sealed class PlacesOptionsValidatorTests
{
    private readonly PlacesOptionsValidator _validator = new();

    [Fact]
    public void Validate_NoPath_AcceptsBuiltInGazetteer()
    {
        Assert.True(_validator.Validate(null, new PlacesOptions()).Succeeded);
    }

    [Fact]
    public void Validate_MissingFile_FailsNamingThePath()
    {
        var result = _validator.Validate(null, new PlacesOptions { Path = "no/such/places.txt" });

        Assert.True(result.Failed);
        Assert.Contains("no/such/places.txt", result.FailureMessage);
    }

    [Fact]
    public void Validate_FileWithDuplicateCode_FailsWithTheLine()
    {
        using var folder = new TempFolder();
        var file = folder.Write("places.txt", "KS-KF-0001 | 甲 | 昆山市 | 开发区 | 一号 |\nKS-KF-0001 | 乙 | 昆山市 | 开发区 | 二号 |\n");

        var result = _validator.Validate(null, new PlacesOptions { Path = file });

        Assert.True(result.Failed);
        Assert.Contains("line 2: code KS-KF-0001 is already used on line 1", result.FailureMessage);
    }
}
