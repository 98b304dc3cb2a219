namespace ServiceBot.Server.Tests.Chat;

/// <summary>
/// Questions about a task over POST /api/chat (real server, the repository's knowledge files): answered from the task's
/// guide with the task offered, and started only when the user accepts.
/// </summary>
public sealed class TaskQuestionTests(ServiceBotServer server) : IClassFixture<ServiceBotServer>
{
    private const string TransferGuide = "社会保险关系转移接续办事指南（示例）";
    private const string TransferOffer = "开始办理社保关系转移接续";

    [Fact]
    public async Task Post_MaterialsQuestion_AnswersFromGuideMaterialsAndOffersTaskWithoutStartingIt()
    {
        var turn = await new ChatSession(server.Http).SayAsync("社保转移要准备啥材料");

        Assert.Null(turn.Task);
        Assert.Equal(TransferGuide, turn.Json.GetProperty("citations")[0].GetProperty("source").GetString());
        Assert.Equal("所需材料", turn.Json.GetProperty("citations")[0].GetProperty("section").GetString());
        Assert.StartsWith("申请转移接续需提供以下信息：身份证号、转出城市、转入城市、险种。", turn.Reply);
        Assert.Equal(TransferOffer, turn.Suggestions[0]);
        Assert.Equal(1, turn.Reply.Split(TransferGuide).Length - 1);
    }

    [Theory]
    [InlineData("好的")]
    [InlineData(TransferOffer)]
    public async Task Post_AcceptingTheOffer_OpensTheInsuranceTransferForm(string acceptance)
    {
        var chat = new ChatSession(server.Http);
        await chat.SayAsync("社保转移要准备啥材料");

        var turn = await chat.SayAsync(acceptance);

        Assert.Equal("insurance_transfer", turn.TaskName);
        Assert.Equal("collecting", turn.State);
        Assert.Contains("id_number", turn.Missing);
    }

    [Theory]
    [InlineData("跑单摔了快两个月了才想起来报 还来得及不", "新就业形态就业人员职业伤害保障申报办事指南（示例）", "开始办理新就业形态职业伤害保障申报")]
    [InlineData("老板欠了我两个月工资我该找谁", "欠薪投诉办事指南（示例）", "开始办理欠薪投诉")]
    public async Task Post_QuestionNamingATask_AnsweredFromItsGuideNotAForm(string question, string guide, string offer)
    {
        var turn = await new ChatSession(server.Http).SayAsync(question);

        Assert.Null(turn.Task);
        Assert.Equal(guide, turn.Json.GetProperty("citations")[0].GetProperty("source").GetString());
        Assert.Contains(offer, turn.Suggestions);
    }

    [Fact]
    public async Task Post_StoryOfContributionsWithoutAMove_OpensNoTransferForm()
    {
        var turn = await new ChatSession(server.Http).SayAsync("我老公去年查出来肝癌 今年春天人走了 他在厂里交了十二年社保");

        Assert.Null(turn.Task);
    }

    [Fact]
    public async Task Post_QuestionAfterTheMoveIsTold_AnsweredFromTheTransferGuide()
    {
        var turn = await new ChatSession(server.Http).SayAsync(
            "我老婆在老家那边一直交着医保，今年跟我来宁波了，准备把社保关系转过来。听说转移要好几十天，可她这阵子身体不太好，万一中间要住院看病，待遇会不会断掉，这段时间的医药费还能报吗？");

        Assert.Null(turn.Task);
        var sources = turn.Json.GetProperty("citations").EnumerateArray().Select(c => c.GetProperty("source").GetString()).ToList();
        Assert.Contains(TransferGuide, sources);
    }

    [Theory]
    [InlineData("I finish my last deliveries around 11pm. Are any of the rest stations still open that late")]
    public async Task Post_OpeningHoursOfTheStations_AnsweredFromTheGuideNotALookUp(string question)
    {
        var turn = await new ChatSession(server.Http).SayAsync(question);

        Assert.Null(turn.Task);
        Assert.Contains("20:00", turn.Reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_RequestToDoTheTask_StillOpensTheForm()
    {
        var turn = await new ChatSession(server.Http).SayAsync("我要提取公积金");

        Assert.Equal("fund_withdrawal", turn.TaskName);
    }

    [Fact]
    public async Task Post_InDomainQuestionWithoutAnswer_RefusalNamesTopicAndOffersNearbyTopicsThenHumans()
    {
        var turn = await new ChatSession(server.Http).SayAsync("美团骑手的抽成比例是百分之几");

        Assert.Equal(0, turn.CitationCount);
        Assert.Null(turn.Task);
        Assert.Contains("您问的是“", turn.Reply);
        Assert.Contains("12345", turn.Reply);
        Assert.True(turn.Suggestions.Count > 2, string.Join(" | ", turn.Suggestions));
        Assert.Equal(["人工客服", "我要登记12345诉求"], turn.Suggestions.TakeLast(2));
    }
}
