using ServiceBot.Answers;
using ServiceBot.Core.Tests.Answers;
using ServiceBot.Knowledge;

namespace ServiceBot.Core.Tests.Answers.Refusal;

/// <summary>
/// A question asking a year, a count or a sum is judged on a clause that states one: when the clause covering most of its
/// words lacks the figure, one of the ranker's first two that states it answers instead of a refusal.
/// </summary>
public sealed class StatedFigureClauseTests(KnowledgeOnlyFixture fixture) : IClassFixture<KnowledgeOnlyFixture>
{
    private readonly ExtractiveAnswerComposer _composer = new();

    private KnowledgeBase Knowledge => fixture.Knowledge;

    [Theory]
    [InlineData("文件里说到哪一年要让网约车司机这些人的劳动用工逐步规范？", "一、")]
    [InlineData("国家给跑单的定的时间表 到哪一年劳动用工要规范起来", "一、")]
    [InlineData("新就业群体那个意见 劳动用工要到哪年才规范", "一、")]
    public void Compose_AsksTheYearTheOpinionSets_CitesTheClauseNamingIt(string question, string section)
    {
        var answer = _composer.Compose(Knowledge, question);

        Assert.True(answer.Grounded, answer.Markdown);
        Assert.Contains(answer.Citations.Take(3), c => c.Section == section && c.Source.Contains("新就业群体", StringComparison.Ordinal));
    }
}
