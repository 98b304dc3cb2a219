namespace ServiceBot.Server.Tests.Chat;

public sealed class TwoQuestionChatTests(ServiceBotServer server) : IClassFixture<ServiceBotServer>
{
    private const string TransferGuide = "社会保险关系转移接续办事指南（示例）";
    private const string FundGuide = "住房公积金提取办事指南（示例）";

    [Fact]
    public async Task Post_TwoQuestionsOnTwoTopics_AnswersBothWithEachLeadClauseFirst()
    {
        var turn = await new ChatSession(server.Http).SayAsync("我从东莞换到惠州送外卖了，社保怎么转到新城市？顺便问下租房能不能提取公积金");

        Assert.Null(turn.Task);
        var sources = turn.Json.GetProperty("citations").EnumerateArray().Select(c => c.GetProperty("source").GetString()).ToList();
        Assert.Equal([TransferGuide, FundGuide], sources.Take(2));
        var sections = turn.Json.GetProperty("citations").EnumerateArray()
            .Select(c => c.GetProperty("source").GetString() + "|" + c.GetProperty("section").GetString()).ToList();
        Assert.Equal(sections.Count, sections.Distinct().Count());
        Assert.Contains("**一、社保怎么转到新城市**", turn.Reply);
        Assert.Contains("**二、租房能不能提取公积金**", turn.Reply);
    }

    [Fact]
    public async Task Post_SecondQuestionOnTheSameTopic_IsAnsweredAsOneQuestion()
    {
        var turn = await new ChatSession(server.Http).SayAsync("租房能提取公积金吗？一个月最多能提多少");

        Assert.True(turn.CitationCount > 0);
        Assert.DoesNotContain("您问了两件事", turn.Reply);
        Assert.Equal(FundGuide, turn.Json.GetProperty("citations")[0].GetProperty("source").GetString());
    }
}
