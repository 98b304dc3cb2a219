using ServiceBot.Backend;
using ServiceBot.Conversation;

namespace ServiceBot.Core.Tests.Conversation;

public sealed class FundWithdrawalDialogueTests(EngineFixture fixture) : IClassFixture<EngineFixture>
{
    private const string FrontLoaded = "我要提取公积金，身份证130402199003074510，租房，提取3000元，银行卡6217001234567890122";
    private const string SealedRefusal = "您的公积金账户当前状态为“封存”，只有“正常缴存”的账户才能办理租房提取。封存账户不能按租房、购房或医疗提取；如已离职，可按离职提取办理。";

    [Fact]
    public async Task HandleAsync_AllSlotsFrontLoaded_ConfirmsEverySlotBeforeAnySubmission()
    {
        var bot = new EngineHarness(fixture);

        var reply = await bot.Say(FrontLoaded);

        Assert.NotNull(reply.Task);
        Assert.Equal(("fund_withdrawal", "confirming"), (reply.Task.Name, reply.Task.State));
        Assert.Empty(reply.Task.Missing);
        Assert.Equal("130402199003074510", reply.Task.Slots["id_number"]);
        Assert.Equal("rent", reply.Task.Slots["reason"]);
        Assert.Equal("3000", reply.Task.Slots["amount"]);
        Assert.Equal("6217001234567890122", reply.Task.Slots["bank_card"]);
        Assert.Equal(["确认提交", "修改", "取消"], reply.Suggestions);
        Assert.Empty(bot.Backend.Calls);
    }

    [Fact]
    public async Task HandleAsync_Confirmation_MasksSensitiveValuesAndLabelsCodes()
    {
        var bot = new EngineHarness(fixture);

        var reply = await bot.Say(FrontLoaded);

        Assert.Contains(@"1304\*\*\*\*\*\*\*\*\*\*4510", reply.Markdown);
        Assert.Contains(@"6217 \*\*\*\* \*\*\*\* 0122", reply.Markdown);
        Assert.DoesNotContain("130402199003074510", reply.Markdown);
        Assert.DoesNotContain("6217001234567890122", reply.Markdown);
        Assert.Contains("租房", reply.Markdown);
        Assert.Contains("3000 元", reply.Markdown);
    }

    [Fact]
    public async Task HandleAsync_ExplicitYes_SubmitsOnceWithConversationAndTaskKeyAndShowsTicket()
    {
        var bot = new EngineHarness(fixture);
        var confirming = await bot.Say(FrontLoaded);

        var reply = await bot.Say("确认");

        var call = Assert.Single(bot.Backend.Calls);
        Assert.Equal(("HousingFund", "SubmitWithdrawal"), (call.Plugin, call.Function));
        Assert.Equal(3000m, call.Arguments["amount"]);
        Assert.Equal("rent", call.Arguments["reason"]);
        var state = await bot.Store.FindAsync(confirming.ConversationId, CancellationToken.None);
        Assert.Equal($"{confirming.ConversationId}:{state!.Task!.Id}", call.Arguments["idempotencyKey"]);
        Assert.Equal(("submitted", "T-2026-000001"), (reply.Task!.State, reply.Task.Ticket));
        Assert.Contains("T-2026-000001", reply.Markdown);
        Assert.Equal(["查询办件进度", "还有其他问题"], reply.Suggestions);
    }

    [Fact]
    public async Task HandleAsync_OneSlotPerTurn_AsksInCatalogOrderAndListsMissingInThatOrder()
    {
        var bot = new EngineHarness(fixture);

        var start = await bot.Say("我要提取公积金");
        var afterId = await bot.Say("130402199003074510");
        var afterReason = await bot.Say("租房");
        var afterAmount = await bot.Say("3000");
        var afterCard = await bot.Say("6217001234567890122");

        Assert.Equal(["id_number", "reason", "amount", "bank_card"], start.Task!.Missing);
        Assert.Contains("身份证", start.Markdown);
        Assert.Equal(["reason", "amount", "bank_card"], afterId.Task!.Missing);
        Assert.Equal(["租房", "购房", "离职", "退休", "医疗", "取消办理"], afterId.Suggestions);
        Assert.Equal(["amount", "bank_card"], afterReason.Task!.Missing);
        Assert.Equal(["bank_card"], afterAmount.Task!.Missing);
        Assert.Equal("confirming", afterCard.Task!.State);
        Assert.Empty(afterCard.Task.Missing);
        Assert.Empty(bot.Backend.Calls);
    }

    [Fact]
    public async Task HandleAsync_InvalidIdThenValid_ReasksWithReasonAndStoresOnlyTheValidOne()
    {
        var bot = new EngineHarness(fixture);
        await bot.Say("我要提取公积金");

        var invalid = await bot.Say("130402199003074511");
        var valid = await bot.Say("130402199003074510");

        Assert.Equal("collecting", invalid.Task!.State);
        Assert.Contains("校验位", invalid.Markdown);
        Assert.DoesNotContain("id_number", invalid.Task.Slots.Keys);
        Assert.Equal("id_number", invalid.Task.Missing[0]);
        Assert.Equal("130402199003074510", valid.Task!.Slots["id_number"]);
        Assert.Equal("reason", valid.Task.Missing[0]);
    }

    [Fact]
    public async Task HandleAsync_CorrectionBeforeConfirming_UpdatesSlotAndKeepsAsking()
    {
        var bot = new EngineHarness(fixture);
        await bot.SayAll("我要提取公积金", "130402199003074510", "租房", "3000");

        var reply = await bot.Say("不对，金额改成2000");

        Assert.Equal("2000", reply.Task!.Slots["amount"]);
        Assert.Equal(("collecting", "bank_card"), (reply.Task.State, reply.Task.Missing.Single()));
        Assert.Contains("银行卡", reply.Markdown);
    }

    [Fact]
    public async Task HandleAsync_CorrectionWhileConfirming_ShowsUpdatedConfirmation()
    {
        var bot = new EngineHarness(fixture);
        await bot.Say(FrontLoaded);

        var reply = await bot.Say("不对，金额改成2000");

        Assert.Equal(("confirming", "2000"), (reply.Task!.State, reply.Task.Slots["amount"]));
        Assert.Contains("2000 元", reply.Markdown);
        Assert.Contains("请核对", reply.Markdown);
        Assert.Empty(bot.Backend.Calls);
    }

    [Fact]
    public async Task HandleAsync_InvalidCorrectionWhileConfirming_KeepsOldValueAndReasks()
    {
        var bot = new EngineHarness(fixture);
        await bot.Say(FrontLoaded);

        var reply = await bot.Say("银行卡号改成6217001234567890123");

        Assert.Equal("6217001234567890122", reply.Task!.Slots["bank_card"]);
        Assert.Contains("校验", reply.Markdown);
        Assert.Equal("collecting", reply.Task.State);
    }

    [Fact]
    public async Task HandleAsync_DenyWithoutCorrection_AsksWhichItemThenReasksIt()
    {
        var bot = new EngineHarness(fixture);
        await bot.Say(FrontLoaded);

        var deny = await bot.Say("不对");
        var choose = await bot.Say("修改提取金额");
        var answer = await bot.Say("2500");

        Assert.Contains("修改哪一项", deny.Markdown);
        Assert.Contains("修改提取金额", deny.Suggestions);
        Assert.Equal("confirming", deny.Task!.State);
        Assert.Contains("金额", choose.Markdown);
        Assert.Equal(("confirming", "2500"), (answer.Task!.State, answer.Task.Slots["amount"]));
        Assert.Empty(bot.Backend.Calls);
    }

    [Fact]
    public async Task HandleAsync_SomethingElseWhileConfirming_ReshowsConfirmationWithoutSubmitting()
    {
        var bot = new EngineHarness(fixture);
        await bot.Say(FrontLoaded);

        var reply = await bot.Say("嗯那个我想一想");

        Assert.Equal("confirming", reply.Task!.State);
        Assert.Contains(@"1304\*\*\*\*\*\*\*\*\*\*4510", reply.Markdown);
        Assert.Empty(bot.Backend.Calls);
    }

    [Fact]
    public async Task HandleAsync_Cancel_EndsTaskWithoutSubmittingAndNextTurnHasNoTask()
    {
        var bot = new EngineHarness(fixture);
        await bot.Say(FrontLoaded);

        var cancel = await bot.Say("算了不办了");
        var next = await bot.Say("你好");

        Assert.Equal("cancelled", cancel.Task!.State);
        Assert.Contains("已取消", cancel.Markdown);
        Assert.Null(next.Task);
        Assert.Empty(bot.Backend.Calls);
    }

    [Fact]
    public async Task HandleAsync_QuestionMidTask_AnsweredWithCitationsThenSameSlotAskedAgain()
    {
        var bot = new EngineHarness(fixture);
        await bot.SayAll("我要提取公积金", "130402199003074510");

        var digression = await bot.Say("租房提取住房公积金需要什么条件？");
        var resumed = await bot.Say("租房");

        Assert.NotEmpty(digression.Citations);
        Assert.Equal("collecting", digression.Task!.State);
        Assert.Equal("reason", digression.Task.Missing[0]);
        Assert.DoesNotContain("reason", digression.Task.Slots.Keys);
        Assert.EndsWith("（租房、购房、离职、退休、医疗）", digression.Markdown);
        Assert.Equal("rent", resumed.Task!.Slots["reason"]);
        Assert.Equal("amount", resumed.Task.Missing[0]);
    }

    [Fact]
    public async Task HandleAsync_QuestionWhileConfirming_AnsweredThenConfirmationShownAgain()
    {
        var bot = new EngineHarness(fixture);
        await bot.Say(FrontLoaded);

        var reply = await bot.Say("离职提取住房公积金有什么条件？");

        Assert.True(reply.Citations.Count > 0, reply.Markdown);
        Assert.NotEmpty(reply.Citations);
        Assert.Equal("confirming", reply.Task!.State);
        Assert.Contains(@"1304\*\*\*\*\*\*\*\*\*\*4510", reply.Markdown);
        Assert.Empty(bot.Backend.Calls);
    }

    [Fact]
    public async Task HandleAsync_SameMessageIdTwice_SubmitsOnceAndReturnsTheSameReply()
    {
        var bot = new EngineHarness(fixture);
        await bot.Say(FrontLoaded, messageId: "m1");

        var first = await bot.Say("确认", messageId: "m2");
        var second = await bot.Say("确认", messageId: "m2");

        Assert.Single(bot.Backend.Calls);
        Assert.Same(first, second);
        Assert.Equal(2, bot.Store.Saves);
    }

    [Fact]
    public async Task HandleAsync_SameMessageConcurrently_RunsTheTurnOnce()
    {
        var bot = new EngineHarness(fixture);
        await bot.Say(FrontLoaded, messageId: "m1");

        var replies = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => bot.Say("确认", messageId: "m2"))));

        Assert.Single(bot.Backend.Calls);
        Assert.All(replies, r => Assert.Equal("T-2026-000001", r.Task?.Ticket));
    }

    [Fact]
    public async Task HandleAsync_SecondYesAfterSubmission_NeverSubmitsAgain()
    {
        var bot = new EngineHarness(fixture);
        await bot.SayAll(FrontLoaded, "确认");

        var again = await bot.Say("确认");

        Assert.Single(bot.Backend.Calls);
        Assert.Contains("T-2026-000001", again.Markdown);
        Assert.Null(again.Task);
    }

    [Fact]
    public async Task HandleAsync_SealedAccountRefused_FailedStateShowsBackendMessage()
    {
        var bot = new EngineHarness(fixture, _ => new SubmissionResult(false, null, "account_not_active", SealedRefusal));
        await bot.Say("我要提取公积金，身份证41010219850120293X，租房，提取3000元，银行卡6222021000998877665");

        var reply = await bot.Say("确认");

        Assert.Equal("failed", reply.Task!.State);
        Assert.Null(reply.Task.Ticket);
        Assert.Contains(SealedRefusal, reply.Markdown);
        Assert.Single(bot.Backend.Calls);
    }

    [Fact]
    public async Task HandleAsync_NewReasonAfterSealedRefusal_ConfirmsAgainAndSubmitsUnderANewKey()
    {
        var bot = new EngineHarness(fixture, call => call.Arguments["reason"] as string == "rent"
            ? new SubmissionResult(false, null, "account_not_active", SealedRefusal)
            : new SubmissionResult(true, "GJJ-1", null, "ok"));
        await bot.SayAll("我要提取公积金，身份证41010219850120293X，租房，提取3000元，银行卡6222021000998877665", "确认");

        var retry = await bot.Say("离职");
        var submitted = await bot.Say("确认");

        Assert.Equal(("confirming", "resignation"), (retry.Task!.State, retry.Task.Slots["reason"]));
        Assert.Equal("GJJ-1", submitted.Task!.Ticket);
        Assert.Equal(2, bot.Backend.Calls.Count);
        Assert.NotEqual(bot.Backend.Calls[0].Arguments["idempotencyKey"], bot.Backend.Calls[1].Arguments["idempotencyKey"]);
    }

    [Fact]
    public async Task HandleAsync_AmountOverBalance_AsksForNewAmountAndGoesBackToConfirming()
    {
        var bot = new EngineHarness(fixture, call => (decimal)call.Arguments["amount"]! > 38650m
            ? new SubmissionResult(false, null, "amount_exceeds_balance", "提取金额 50000 元超过账户余额 38650.00 元，请调整金额。")
            : new SubmissionResult(true, "GJJ-2", null, "ok"));
        await bot.Say("我要提取公积金，身份证130402199003074510，租房，提取50000元，银行卡6217001234567890122");

        var refused = await bot.Say("确认");
        var retry = await bot.Say("30000");

        Assert.Equal("failed", refused.Task!.State);
        Assert.Contains("超过账户余额", refused.Markdown);
        Assert.Contains("提取金额", refused.Markdown);
        Assert.Equal(("confirming", "30000"), (retry.Task!.State, retry.Task.Slots["amount"]));
    }
}
