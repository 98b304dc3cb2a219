using ServiceBot.Answers.Refusal;

namespace ServiceBot.Core.Tests.Answers.Refusal;

public sealed class DomainScoreTests
{
    [Fact]
    public void Grams_SpacesAndPunctuation_SplitPairs()
        => Assert.Equal(new[] { "咋", "咋转", "转", "社", "社保", "保" }.Order(), DomainScore.Grams("社保 咋转？").Order());

    [Fact]
    public void Grams_FullWidthAndUpperCaseLatin_FoldedLikeTheKnowledge()
        => Assert.Equal(DomainScore.Grams("app咋登"), DomainScore.Grams("ＡＰＰ咋登"));

    [Fact]
    public void Grams_LatinLetterRuns_AreWholeWordsAndSplitPairs()
        => Assert.Equal(new[] { "visa", "extend", "12", "1", "2", "咋", "咋办", "办" }.Order(),
            DomainScore.Grams("Visa extend a 12 咋办").Order());

    [Fact]
    public void Grams_LatinWordBesideCharacters_IsNotPairedWithThem()
        => Assert.Equal(new[] { "app", "咋", "咋登", "登" }.Order(), DomainScore.Grams("APP咋登").Order());

    [Fact]
    public void Of_KnownAndUnknownGrams_MeanOverEveryDistinctGram()
    {
        var score = new DomainScore(new Dictionary<string, double> { ["社保"] = 3, ["社"] = 1, ["护照"] = -4 });

        // 社, 社保, 保: (1 + 3 + 0) / 3; the repeated word adds no gram of its own.
        Assert.Equal(4.0 / 3, score.Of("社保，社保"), 12);
        Assert.Equal(-4.0 / 3, score.Of("护照？"), 12);
    }

    [Fact]
    public void Of_QuestionWithoutLettersOrDigits_IsZero()
        => Assert.Equal(0, new DomainScore(new Dictionary<string, double> { ["？"] = 5 }.Where(_ => false).ToDictionary()).Of("？？ ！"));

    [Theory]
    [InlineData("")]
    [InlineData("社保卡")]
    [InlineData("visa1")]
    public void Constructor_GramNotOneOrTwoCharactersNorLatinWord_Throws(string gram)
        => Assert.Throws<ArgumentException>(() => new DomainScore(new Dictionary<string, double> { [gram] = 1 }));

    [Fact]
    public void Constructor_LatinWord_IsAccepted()
        => Assert.Equal(-2, new DomainScore(new Dictionary<string, double> { ["passport"] = -2 }).Of("passport?"));

    [Fact]
    public void Constructor_WeightNotFinite_Throws()
        => Assert.Throws<ArgumentException>(() => new DomainScore(new Dictionary<string, double> { ["社"] = double.NaN }));
}
