using ServiceBot.Answers;

namespace ServiceBot.Core.Tests.Answers;

public sealed class GroundingScorerLatinWordTests
{
    private static QueryTerm Term(string word) => new(word, 1f, [word], IsDomain: false);

    [Theory]
    [InlineData("car", "bring your bank card and id card")]
    [InlineData("rent", "a parent may apply for the child")]
    [InlineData("visa", "it is advisable to apply early")]
    public void Coverage_EnglishWordOnlyInsideAnotherWord_IsNotCovered(string word, string text)
        => Assert.Equal(0, GroundingScorer.Coverage([Term(word)], text));

    [Theory]
    [InlineData("fee", "no fees are charged")]
    [InlineData("apply", "you can apply online")]
    [InlineData("withdraw", "withdrawing for rent needs a lease")]
    [InlineData("rent", "Rent: RMB 3,000")]
    public void Coverage_EnglishWordOrItsInflection_IsCovered(string word, string text)
        => Assert.Equal(1, GroundingScorer.Coverage([Term(word)], text));

    [Fact]
    public void Coverage_ChineseWordInsideACompound_StillCovered()
        => Assert.Equal(1, GroundingScorer.Coverage([Term("公积金")], "住房公积金提取"));
}
