using Microsoft.Extensions.DependencyInjection;
using ServiceBot.Handoff;

namespace ServiceBot.Server.Tests.Chat;

/// <summary>Handoff over <c>POST /api/chat</c> with the real engine and the server's SQLite state file.</summary>
public sealed class HandoffChatTests(ServiceBotServer server) : IClassFixture<ServiceBotServer>
{
    private const string BadIdNumber = "130402199003074511";

    private IHandoffStore Handoffs => server.Services.GetRequiredService<IHandoffStore>();

    private async Task<HandoffRecord> HandoffOf(ChatSession user) => (await Handoffs.FindAsync(user.ConversationId!, CancellationToken.None))!;

    private async Task<IReadOnlyList<TranscriptEntry>> TranscriptOf(ChatSession user) =>
        await Handoffs.TranscriptAsync(user.ConversationId!, 0, CancellationToken.None);

    [Theory]
    [InlineData("转人工")]
    [InlineData("人工客服")]
    [InlineData("我要找真人")]
    public async Task Chat_UserAsksForPerson_WaitingInQueueWithPlace(string request)
    {
        var user = new ChatSession(server.Http);
        await user.SayAsync("你好");

        var turn = await user.SayAsync(request);

        Assert.True(turn.Handoff);
        Assert.Matches(@"排在第 \*\*\d+\*\* 位", turn.Reply);
        Assert.Equal(["返回机器人"], turn.Suggestions);
        var handoff = await HandoffOf(user);
        Assert.Equal((HandoffStates.Waiting, HandoffReasons.UserRequest, "api"), (handoff.State, handoff.Reason, handoff.Channel));
        var transcript = await TranscriptOf(user);
        Assert.Equal([("user", "你好"), ("bot", null), ("user", request)], transcript.Select(l => (l.Speaker, l.Speaker == "bot" ? null : l.Text)));
    }

    [Fact]
    public async Task Chat_WhileHandedOff_NoBotAnswerAndTextInTranscript()
    {
        var user = new ChatSession(server.Http);
        await user.SayAsync("转人工");

        var question = await user.SayAsync("喂 有人吗");
        var policy = await user.SayAsync("公积金怎么提取");

        Assert.All([question, policy], t => Assert.True(t.Handoff));
        Assert.All([question, policy], t => Assert.Contains("等待人工客服", t.Reply));
        Assert.Equal(0, policy.CitationCount);
        Assert.Null(policy.Task);
        Assert.DoesNotContain("身份证", policy.Reply);
        var userLines = (await TranscriptOf(user)).Where(l => l.Speaker == "user").Select(l => l.Text);
        Assert.Equal(["转人工", "喂 有人吗", "公积金怎么提取"], userLines);
    }

    [Theory]
    [InlineData("返回机器人")]
    [InlineData("不用了")]
    public async Task Chat_UserGoesBackToBot_HandoffClosedAndBotAnswersAgain(string back)
    {
        var user = new ChatSession(server.Http);
        await user.SayAsync("转人工");

        var returned = await user.SayAsync(back);
        var task = await user.SayAsync("我要提取公积金");

        Assert.False(returned.Handoff);
        Assert.Contains("智能助手", returned.Reply);
        var handoff = await HandoffOf(user);
        Assert.Equal((HandoffStates.Closed, HandoffOutcomes.UserReturned), (handoff.State, handoff.Outcome));
        Assert.False(task.Handoff);
        Assert.Equal("fund_withdrawal", task.TaskName);
    }

    [Fact]
    public async Task Chat_TwoRefusalsInARow_HandedOff()
    {
        var user = new ChatSession(server.Http);

        var first = await user.SayAsync("火星上有几个月亮");
        var second = await user.SayAsync("量子计算机的原理是什么");

        Assert.False(first.Handoff);
        Assert.True(second.Handoff);
        Assert.Contains("已为您转接人工客服", second.Reply);
        Assert.Equal(HandoffReasons.RepeatedRefusal, (await HandoffOf(user)).Reason);
    }

    [Fact]
    public async Task Chat_StoryToldInTwoMessagesThenAsked_TheQuestionReachesTheBot()
    {
        var user = new ChatSession(server.Http);

        var first = await user.SayAsync("我跑外卖三年了，上个月刚换了辆新电动车");
        var second = await user.SayAsync("最近单子特别多，一天要跑十几个小时");
        var question = await user.SayAsync("骑手每天跑十几个小时，休息权有保障吗？");

        Assert.Equal((0, 0), (first.CitationCount, second.CitationCount)); // neither story is answered
        Assert.Contains("请问您想问什么", first.Reply); // a story is not refused as a question: the bot invites one
        Assert.All([first, second, question], t => Assert.False(t.Handoff));
        Assert.True(question.CitationCount > 0, question.Reply);
        Assert.Null(await Handoffs.FindAsync(user.ConversationId!, CancellationToken.None));
    }

    [Fact]
    public async Task Chat_EnglishStoryToldInTwoMessages_NotHandedOff()
    {
        var user = new ChatSession(server.Http);

        var first = await user.SayAsync("i deliver for keeta in yiwu");
        var second = await user.SayAsync("last night after my shift ended i crashed my ebike going to buy dinner");
        var question = await user.SayAsync("does that count as occupational injury or no");

        Assert.All([first, second, question], t => Assert.False(t.Handoff));
        Assert.Contains("What would you like to know?", second.Reply);
        Assert.DoesNotContain("What would you like to know?", question.Reply);
        Assert.Null(await Handoffs.FindAsync(user.ConversationId!, CancellationToken.None));
    }

    [Fact]
    public async Task Chat_TwoEnglishQuestionsRefused_HandedOff()
    {
        var user = new ChatSession(server.Http);

        await user.SayAsync("how many moons does mars have");
        var second = await user.SayAsync("can you explain how a quantum computer works");

        Assert.True(second.Handoff);
        Assert.Equal(HandoffReasons.RepeatedRefusal, (await HandoffOf(user)).Reason);
    }

    [Fact]
    public async Task Chat_QuestionRefusedAfterAStory_StillCountsTowardsHandoff()
    {
        var user = new ChatSession(server.Http);

        await user.SayAsync("火星上有几个月亮");
        var story = await user.SayAsync("我家楼下新开了一家奶茶店，天天排长队");
        var second = await user.SayAsync("量子计算机的原理是什么");

        Assert.Equal((false, 0), (story.Handoff, story.CitationCount));
        Assert.True(second.Handoff);
        Assert.Equal(HandoffReasons.RepeatedRefusal, (await HandoffOf(user)).Reason);
    }

    [Fact]
    public async Task Chat_RefusalThenAnswerThenRefusal_NotHandedOff()
    {
        var user = new ChatSession(server.Http);

        await user.SayAsync("火星上有几个月亮");
        var answered = await user.SayAsync("骑手每天跑十几个小时，休息权有保障吗？");
        var refused = await user.SayAsync("量子计算机的原理是什么");

        Assert.True(answered.CitationCount > 0);
        Assert.False(refused.Handoff);
        Assert.Null(await Handoffs.FindAsync(user.ConversationId!, CancellationToken.None));
    }

    [Fact]
    public async Task Chat_ThreeInvalidValuesForOneSlot_HandedOffWithTask()
    {
        var user = new ChatSession(server.Http);
        await user.SayAsync("我要提取公积金");

        var second = await user.SayAsync(BadIdNumber);
        await user.SayAsync("130402199003074512");
        var third = await user.SayAsync("130402199003074513");

        Assert.False(second.Handoff);
        Assert.True(third.Handoff);
        Assert.Contains("校验", third.Reply);
        Assert.Equal(HandoffReasons.InvalidValues, (await HandoffOf(user)).Reason);
        Assert.Equal("fund_withdrawal", third.TaskName);
    }

    [Theory]
    [InlineData("我被老公打了，真的不想活了")]
    [InlineData("最近总是想不开")]
    [InlineData("他威胁我说要把我的东西都扔掉")]
    public async Task Chat_DistressTopic_HandedOffAtOnceWithEmergencyNumbers(string text)
    {
        var user = new ChatSession(server.Http);

        var turn = await user.SayAsync(text);

        Assert.True(turn.Handoff);
        Assert.Contains("**110**", turn.Reply);
        Assert.Contains("**120**", turn.Reply);
        Assert.Contains("**12356**", turn.Reply);
        Assert.Equal(HandoffReasons.Distress, (await HandoffOf(user)).Reason);
    }

    [Fact]
    public async Task Chat_RepeatedMessageIdWhileHandedOff_OneTranscriptLine()
    {
        var user = new ChatSession(server.Http);
        await user.SayAsync("转人工");

        var first = await user.SayAsync("我还在等", messageId: user.UserId + "-dup");
        var again = await user.SayAsync("我还在等", messageId: user.UserId + "-dup");

        Assert.Equal(first.Reply, again.Reply);
        Assert.Single(await TranscriptOf(user), l => l.Text == "我还在等");
    }

    [Fact]
    public async Task Chat_TwoUsersWaiting_LaterOneIsBehind()
    {
        var earlier = new ChatSession(server.Http);
        var later = new ChatSession(server.Http);
        await earlier.SayAsync("转人工");
        await later.SayAsync("转人工");

        var position = await Handoffs.QueuePositionAsync(later.ConversationId!, CancellationToken.None);

        Assert.True(position > await Handoffs.QueuePositionAsync(earlier.ConversationId!, CancellationToken.None));
        Assert.Contains($"排在第 **{position}** 位", (await later.SayAsync("还要多久")).Reply);
    }
}
