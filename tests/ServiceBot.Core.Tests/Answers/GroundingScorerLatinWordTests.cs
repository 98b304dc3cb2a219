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

/// <summary>Which English words of a question count as another field's, over the real knowledge.</summary>
public sealed class GroundingScorerEnglishForeignWordTests(KnowledgeOnlyFixture fixture) : IClassFixture<KnowledgeOnlyFixture>
{
    [Fact]
    public void Terms_EnglishWordTheLexiconReadsAsAClauseWord_IsNotForeign()
    {
        // No English guide says "scooter"; the lexicon reads it as 电动车, which the Chinese clauses use.
        Assert.True(fixture.Knowledge.Lexical.Mentions("电动车"));
        Assert.False(fixture.Knowledge.Lexical.Mentions("scooter"));
        var terms = new GroundingScorer(fixture.Knowledge.Lexical).Terms("can I charge my scooter at the lighthouse");

        Assert.False(terms.Single(t => t.Word == "scooter").Foreign);
        Assert.True(terms.Single(t => t.Word == "lighthouse").Foreign);
    }
}
