using ServiceBot.Answers;
using ServiceBot.Conversation;
using ServiceBot.Tasks;

namespace ServiceBot.Core.Tests.Conversation;

public sealed class ConversationRoutingTests(EngineFixture fixture) : IClassFixture<EngineFixture>
{
    [Fact]
    public async Task HandleAsync_Greeting_FriendlyReplyWithTaskMenu()
    {
        var bot = new EngineHarness(fixture);

        var reply = await bot.Say("你好");

        Assert.Contains("您好", reply.Markdown);
        Assert.Null(reply.Task);
        Assert.Contains("我要提取公积金", reply.Suggestions);
        Assert.Equal(TaskCatalog.Default.All.Count, reply.Suggestions.Count);
        Assert.False(reply.Handoff);
    }

    [Fact]
    public async Task HandleAsync_OutOfScope_RefusesAndPointsTo12345()
    {
        var bot = new EngineHarness(fixture);

        var reply = await bot.Say("今天天气怎么样");

        Assert.Contains("12345", reply.Markdown);
        Assert.Empty(reply.Citations);
        Assert.Null(reply.Task);
    }

    [Fact]
    public async Task HandleAsync_HumanAgent_HandsOff()
    {
        var bot = new EngineHarness(fixture);

        var reply = await bot.Say("转人工");

        Assert.True(reply.Handoff);
        Assert.Contains("人工", reply.Markdown);
    }

    [Theory]
    [InlineData("我们是做服装加工的，厂里三十来个工人，必须专门请个安全员吗？能不能找个人兼着干")]
    [InlineData("打12345要钱不？在你这儿说一下就能直接登记吗")]
    public async Task HandleAsync_QuestionShapedLikeAHandoffOrAGreeting_IsAnswered(string question)
    {
        var asked = new List<string>();
        var bot = new EngineHarness(fixture, answerer: new DelegateKnowledgeAnswerer(q =>
        {
            asked.Add(q);
            return new Answer("答复。", true, [new Citation("指南", "收费标准", "不收费。")], false);
        }));

        var reply = await bot.Say(question);

        Assert.False(reply.Handoff);
        Assert.Single(asked);
        Assert.Single(reply.Citations);
    }

    [Fact]
    public async Task HandleAsync_TaskQuestion_AnswersThenOffersTaskWhichTheSuggestionStarts()
    {
        var bot = new EngineHarness(fixture);

        var answer = await bot.Say("租房能提取公积金吗");
        var started = await bot.Say(answer.Suggestions[0]);

        Assert.NotEmpty(answer.Citations);
        Assert.Null(answer.Task);
        Assert.Equal("开始办理住房公积金提取", answer.Suggestions[0]);
        Assert.Equal(("fund_withdrawal", "collecting"), (started.Task!.Name, started.Task.State));
    }

    [Theory]
    [InlineData("那办理要交钱不 有人说得交几百块办理费")]
    [InlineData("办理的话得等多久")]
    public async Task HandleAsync_QuestionNamingTheTaskAfterOffer_DoesNotTakeTheOfferUp(string question)
    {
        var bot = new EngineHarness(fixture);
        var offer = await bot.Say("租房能提取公积金吗");

        var reply = await bot.Say(question);

        Assert.Contains("开始办理住房公积金提取", offer.Suggestions);
        Assert.Null(reply.Task);
    }

    [Fact]
    public async Task HandleAsync_PlainYesAfterOffer_StartsOfferedTask()
    {
        var bot = new EngineHarness(fixture);
        await bot.Say("租房能提取公积金吗");

        var started = await bot.Say("好的");

        Assert.Equal("fund_withdrawal", started.Task?.Name);
    }

    [Fact]
    public async Task HandleAsync_PolicyQuestion_GroundedAnswerCites()
    {
        var bot = new EngineHarness(fixture);

        var reply = await bot.Say("骑手在配送途中受到事故伤害，平台企业要缴纳职业伤害保障费吗");

        Assert.NotEmpty(reply.Citations);
        Assert.Null(reply.Task);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task HandleAsync_EmptyText_Rejected(string text)
    {
        var bot = new EngineHarness(fixture);

        var error = await Assert.ThrowsAsync<InvalidMessageException>(() => bot.Say(text));

        Assert.IsAssignableFrom<ArgumentException>(error);
        Assert.Equal(0, bot.Store.Saves);
    }

    [Fact]
    public async Task HandleAsync_OversizedText_RejectedAtConfiguredLimit()
    {
        var bot = new EngineHarness(fixture, options: new ConversationOptions { MaxTextLength = 10 });

        await bot.Say(new string('好', 10));
        await Assert.ThrowsAsync<InvalidMessageException>(() => bot.Say(new string('好', 11)));
    }

    [Fact]
    public async Task HandleAsync_NoConversationId_ContinuesTheUsersOpenConversation()
    {
        var bot = new EngineHarness(fixture);

        var first = await bot.Say("我要提取公积金");
        var second = await bot.Say("130402199003074510");

        Assert.Equal(first.ConversationId, second.ConversationId);
        Assert.StartsWith("c-", first.ConversationId);
    }

    [Fact]
    public async Task HandleAsync_UnknownConversationId_StartsConversationUnderThatId()
    {
        var bot = new EngineHarness(fixture);

        var reply = await bot.Say("你好", conversationId: "wx-conv-1");

        Assert.Equal("wx-conv-1", reply.ConversationId);
    }

    [Fact]
    public async Task HandleAsync_UnknownConversationIdOnServerIssuedChannel_RejectedAndNothingStored()
    {
        var bot = new EngineHarness(fixture);
        var message = new IncomingMessage(EngineHarness.UserId, EngineHarness.Channel, "c-chosen-by-client", null, "你好") { ConversationIdIssuedByServer = true };

        var error = await Assert.ThrowsAsync<InvalidMessageException>(() => bot.Engine.HandleAsync(message, CancellationToken.None));

        Assert.Equal("ConversationId", error.ParamName);
        Assert.Contains("会话不存在", error.Message);
        Assert.Null(await bot.Store.FindAsync("c-chosen-by-client", CancellationToken.None));
    }

    [Fact]
    public async Task HandleAsync_AnotherUsersConversationId_Rejected()
    {
        var bot = new EngineHarness(fixture);
        var mine = await bot.Say("你好");

        await Assert.ThrowsAsync<InvalidMessageException>(() => bot.Engine.HandleAsync(
            new IncomingMessage("someone-else", EngineHarness.Channel, mine.ConversationId, null, "你好"), CancellationToken.None));
    }

    [Fact]
    public async Task HandleAsync_TurnSaved_HistoryRemembersBothSides()
    {
        var bot = new EngineHarness(fixture);

        var reply = await bot.Say("你好");

        var state = await bot.Store.FindAsync(reply.ConversationId, CancellationToken.None);
        var turn = Assert.Single(state!.History);
        Assert.Equal(("你好", reply.Markdown), (turn.User, turn.Bot));
    }

    [Fact]
    public async Task HandleAsync_YesNoQuestionAboutTask_AnsweredAndOfferedNotStarted()
    {
        var bot = new EngineHarness(fixture);

        var reply = await bot.Say("住房公积金账户封存满几个月可以离职提取？");

        Assert.Null(reply.Task);
        Assert.NotEmpty(reply.Citations);
        Assert.Contains("开始办理住房公积金提取", reply.Suggestions);
    }

    [Fact]
    public async Task HandleAsync_SaysTaskWasDoneAlready_AnswersWithoutOpeningForm()
    {
        var reported = new EngineHarness(fixture);
        var requesting = new EngineHarness(fixture);

        var done = await reported.Say("骑手送单时摔伤了，我已经申报了职业伤害");
        var asked = await requesting.Say("骑手送单时摔伤了，我要申报职业伤害");

        Assert.Null(done.Task);
        Assert.NotEmpty(done.Citations);
        Assert.Equal("injury_report", asked.Task?.Name);
    }

    [Fact]
    public async Task HandleAsync_SaysTaskWasHandedInAlready_OffersItsProgressNotTheTaskAgain()
    {
        var bot = new EngineHarness(fixture);

        var reply = await bot.Say("公积金提取交上去了，给了个编号");

        Assert.Null(reply.Task);
        Assert.DoesNotContain("开始办理住房公积金提取", reply.Suggestions);
        Assert.Contains(reply.Suggestions, s => s.Contains("办件进度", StringComparison.Ordinal));
    }

    [Fact]
    public async Task HandleAsync_CancelWithNoTask_SaysNothingIsInProgress()
    {
        var bot = new EngineHarness(fixture);

        var reply = await bot.Say("取消");

        Assert.Contains("没有正在办理", reply.Markdown);
        Assert.Null(reply.Task);
    }
}
