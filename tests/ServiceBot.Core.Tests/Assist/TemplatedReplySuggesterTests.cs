using ServiceBot.Core.Tests.Conversation;
using static ServiceBot.Core.Tests.Assist.AssistTestSupport;

namespace ServiceBot.Core.Tests.Assist;

public sealed class TemplatedReplySuggesterTests(EngineFixture fixture) : IClassFixture<EngineFixture>
{
    [Fact]
    public async Task SuggestAsync_PolicyQuestionInATask_AnswerAskAndOfferEachCited()
    {
        var suggestions = await Suggester(fixture).SuggestAsync(
            [Agent("您好 请讲"), Caller("租房可以提取住房公积金支付房租吗 需要什么条件")], CancellationToken.None);

        Assert.InRange(suggestions.Count, 2, 3);
        var answer = suggestions[0];
        Assert.StartsWith("您好，根据《住房公积金提取管理办法》", answer.Text, StringComparison.Ordinal);
        Assert.Contains("租赁住房", answer.Text, StringComparison.Ordinal);
        Assert.Equal("住房公积金提取管理办法", Assert.Single(answer.Citations).Source);
        Assert.Contains(suggestions, s => s.Text.Contains("身份证号码", StringComparison.Ordinal));
        Assert.Contains(suggestions, s => s.Text.Contains("12345", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SuggestAsync_QuestionTheKnowledgeCannotAnswer_NoInventedCitation()
    {
        var suggestions = await Suggester(fixture).SuggestAsync([Caller("明天北京天气怎么样")], CancellationToken.None);

        Assert.NotEmpty(suggestions);
        Assert.All(suggestions, s => Assert.DoesNotContain("根据《", s.Text, StringComparison.Ordinal));
        Assert.Contains(suggestions, s => s.Text.Contains("核实", StringComparison.Ordinal) && s.Citations.Count == 0);
    }

    [Fact]
    public async Task SuggestAsync_NoUserLine_Nothing()
    {
        Assert.Empty(await Suggester(fixture).SuggestAsync([Agent("您好 请讲")], CancellationToken.None));
    }
}
