using ServiceBot.Answers;
using ServiceBot.Knowledge;

namespace ServiceBot.Core.Tests.Answers;

/// <summary>A long section is stored in several chunks; an answer cites each section once, so its pieces never crowd out another clause.</summary>
public sealed class CitedSectionsTests(KnowledgeOnlyFixture fixture) : IClassFixture<KnowledgeOnlyFixture>
{
    private readonly ExtractiveAnswerComposer _composer = new();

    private KnowledgeBase Knowledge => fixture.Knowledge;

    [Theory]
    [InlineData("义乌现在常驻的外商有多少人")]
    [InlineData("义乌做圣诞节的东西卖得咋样 能卖到多少个国家")]
    [InlineData("全国政务服务平台现在有多少人注册了")]
    [InlineData("How many foreign merchants are there in Yiwu, and where do they come from?")]
    public void Compose_QuestionOnALongNewsSection_EverySectionCitedOnce(string question)
    {
        var answer = _composer.Compose(Knowledge, question);

        Assert.True(answer.Grounded, answer.Markdown);
        var sections = answer.Citations.Select(c => (c.Source, c.Section)).ToList();
        Assert.Equal(sections.Distinct().Count(), sections.Count);
    }

    [Fact]
    public void Compose_EnglishQuestionOnTheYiwuReport_TheChineseSectionItRestsOnCitedWhole()
    {
        const string section = "“越来越多的外国商人想来义乌”";
        var pieces = Knowledge.Chunks.Where(c => c.Section == section && c.Title.Contains("义乌发展经验", StringComparison.Ordinal)).ToList();
        Assert.True(pieces.Count > 1, "the fixture section is expected to be stored in several chunks");

        var answer = _composer.Compose(Knowledge, "How many foreign merchants are there in Yiwu, and where do they come from?");

        Assert.True(answer.Grounded, answer.Markdown);
        var cited = Assert.Single(answer.Citations, c => c.Section == section);
        Assert.All(pieces, piece => Assert.Contains(piece.Text, cited.Text, StringComparison.Ordinal));
    }
}
