using System.Net.Http.Json;
using System.Text.Json;

namespace ServiceBot.Server.Tests.Chat;

/// <summary>The seven 一件事 tasks end to end over HTTP: real server, real sandbox, real SQLite.</summary>
public sealed class TaskDialogueTests(ServiceBotServer server) : IClassFixture<ServiceBotServer>
{
    private const string ZhangWei = "130402199003074510";
    private const string ZhangWeiCard = "6217001234567890122";
    private const string WangQiang = "41010219850120293X";

    private ChatSession NewSession() => new(server.Http);

    private async Task<List<JsonElement>> TicketsAsync(string idNumber) => await server.ListTicketsAsync(idNumber);

    [Fact]
    public async Task FundWithdrawal_AllSlotsInOneSentence_SubmitsOneTicket()
    {
        var before = (await TicketsAsync(ZhangWei)).Count;
        var chat = NewSession();

        var confirm = await chat.SayAsync($"我想提取公积金，身份证{ZhangWei}，租房，提取3000元，银行卡{ZhangWeiCard}");
        Assert.Equal("fund_withdrawal", confirm.TaskName);
        Assert.Equal("confirming", confirm.State);
        Assert.Empty(confirm.Missing);
        Assert.Contains(@"1304\*\*\*\*\*\*\*\*\*\*4510", confirm.Reply);
        Assert.DoesNotContain(ZhangWeiCard, confirm.Reply);

        var done = await chat.SayAsync("确认");
        Assert.Equal("submitted", done.State);
        Assert.StartsWith("GJJ-", done.Ticket);
        Assert.Contains(done.Ticket!, done.Reply);

        var tickets = await TicketsAsync(ZhangWei);
        Assert.Equal(before + 1, tickets.Count);
        var ticket = tickets.Single(t => t.GetProperty("ticket").GetString() == done.Ticket);
        Assert.Equal("fund_withdrawal", ticket.GetProperty("task").GetString());
        var slots = ticket.GetProperty("slots");
        Assert.Equal("rent", slots.GetProperty("reason").GetString());
        Assert.Equal("3000", slots.GetProperty("amount").GetString());
        Assert.Equal(ZhangWeiCard, slots.GetProperty("bank_card").GetString());
    }

    [Fact]
    public async Task FundWithdrawal_OneSlotPerTurnWithInvalidIdAndCorrection_SubmitsCorrectedValues()
    {
        var before = (await TicketsAsync(ZhangWei)).Count;
        var chat = NewSession();

        var start = await chat.SayAsync("我想把公积金提出来");
        Assert.Equal(["id_number", "reason", "amount", "bank_card"], start.Missing);

        var invalid = await chat.SayAsync("130402199003074511");
        Assert.Equal("collecting", invalid.State);
        Assert.Equal("id_number", invalid.Missing[0]);
        Assert.Contains("校验", invalid.Reply);

        Assert.Equal(["reason", "amount", "bank_card"], (await chat.SayAsync(ZhangWei)).Missing);
        Assert.Equal(["amount", "bank_card"], (await chat.SayAsync("租房")).Missing);
        Assert.Equal(["bank_card"], (await chat.SayAsync("三千块")).Missing);
        var confirming = await chat.SayAsync(ZhangWeiCard);
        Assert.Equal("confirming", confirming.State);
        Assert.Equal("3000", confirming.Slot("amount"));

        var corrected = await chat.SayAsync("不对，金额改成2000");
        Assert.Equal("confirming", corrected.State);
        Assert.Equal("2000", corrected.Slot("amount"));

        var done = await chat.SayAsync("确认");
        Assert.Equal("submitted", done.State);
        var tickets = await TicketsAsync(ZhangWei);
        Assert.Equal(before + 1, tickets.Count);
        Assert.Equal("2000", tickets.Single(t => t.GetProperty("ticket").GetString() == done.Ticket)
            .GetProperty("slots").GetProperty("amount").GetString());
    }

    [Fact]
    public async Task FundWithdrawal_SameMessageIdTwice_OneTicketAndSameReply()
    {
        var before = (await TicketsAsync(ZhangWei)).Count;
        var chat = NewSession();
        await chat.SayAsync($"提取公积金，身份证{ZhangWei}，租房，2500元，银行卡{ZhangWeiCard}");

        var first = await chat.SayAsync("确认", messageId: "confirm-once");
        var again = await chat.SayAsync("确认", messageId: "confirm-once");
        var concurrent = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => chat.SayAsync("确认", messageId: "confirm-once")));

        Assert.Equal(first.Json.GetRawText(), again.Json.GetRawText());
        Assert.All(concurrent, turn => Assert.Equal(first.Ticket, turn.Ticket));
        Assert.Equal(before + 1, (await TicketsAsync(ZhangWei)).Count);
    }

    [Fact]
    public async Task FundWithdrawal_SealedAccountForRent_RefusedWithReasonAndNoTicket()
    {
        var before = (await TicketsAsync(WangQiang)).Count;
        var chat = NewSession();
        await chat.SayAsync($"我要租房提取公积金，身份证{WangQiang}，金额2000元，银行卡6222021000998877665");

        var refused = await chat.SayAsync("确认");
        Assert.Equal("failed", refused.State);
        Assert.Contains("封存", refused.Reply);
        Assert.Null(refused.Ticket);
        Assert.Equal(before, (await TicketsAsync(WangQiang)).Count);
    }

    [Fact]
    public async Task InjuryReport_Cancel_LeavesNoTicket()
    {
        var before = (await TicketsAsync(ZhangWei)).Count;
        var chat = NewSession();
        var started = await chat.SayAsync("送外卖摔伤了，我要申报职业伤害");
        Assert.Equal("injury_report", started.TaskName);
        await chat.SayAsync(ZhangWei);

        var cancelled = await chat.SayAsync("算了不办了");
        Assert.Equal("cancelled", cancelled.State);
        Assert.Equal(before, (await TicketsAsync(ZhangWei)).Count);
    }

    [Fact]
    public async Task InjuryReport_FullDialogue_NormalisesTimeAndSubmits()
    {
        var before = (await TicketsAsync(ZhangWei)).Count;
        var chat = NewSession();
        var turn = await chat.SayAsync($"我是美团骑手，要申报职业伤害，身份证{ZhangWei}，手机13800001111");
        for (var guard = 0; turn.State == "collecting" && guard < 8; guard++)
        {
            turn = turn.Missing[0] switch
            {
                "platform" => await chat.SayAsync("美团"),
                "accident_time" => await chat.SayAsync("昨天下午三点"),
                "accident_place" => await chat.SayAsync("邯郸市丛台区人民路和中华大街路口"),
                "injury" => await chat.SayAsync("摔倒导致左腿骨折"),
                "phone" => await chat.SayAsync("13800001111"),
                "id_number" => await chat.SayAsync(ZhangWei),
                var other => throw new Xunit.Sdk.XunitException($"unexpected slot {other}"),
            };
        }
        Assert.Equal("confirming", turn.State);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T15:00:00[+-]\d{2}:\d{2}$", turn.Slot("accident_time"));

        var done = await chat.SayAsync("确认");
        Assert.Equal("submitted", done.State);
        Assert.StartsWith("ZYSH-", done.Ticket);
        var ticket = (await TicketsAsync(ZhangWei)).Single(t => t.GetProperty("ticket").GetString() == done.Ticket);
        Assert.Equal("injury_report", ticket.GetProperty("task").GetString());
        Assert.Equal("美团", ticket.GetProperty("slots").GetProperty("platform").GetString());
        Assert.Equal(before + 1, (await TicketsAsync(ZhangWei)).Count);
    }

    [Fact]
    public async Task FundWithdrawal_LayQuestionWithoutQuestionMarkMidTask_AnsweredFromTheGuideThenTheSameSlotAskedAgain()
    {
        var chat = NewSession();
        var opened = await chat.SayAsync("我想提取公积金");
        Assert.Equal("collecting", opened.State);
        var pending = opened.Missing[0];

        var asked = await chat.SayAsync("几天能到账");

        Assert.Equal("collecting", asked.State);
        Assert.Equal(pending, asked.Missing[0]);
        var citations = asked.Json.GetProperty("citations").EnumerateArray().ToList();
        Assert.NotEmpty(citations);
        Assert.Equal("住房公积金提取办事指南（示例）", citations[0].GetProperty("source").GetString());
        Assert.Equal("办理时限", citations[0].GetProperty("section").GetString());
        Assert.DoesNotContain("没有识别出", asked.Reply, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("是不是非得等半年才能取啊 这个月房租都快交不上了")]
    [InlineData("离职了会不会要等很久才能取")]
    public async Task FundWithdrawal_YesOrNoQuestionWhileTheIdIsAsked_AnsweredFromTheGuideNotReadAsTheId(string question)
    {
        var asked = await AskWhileTheFirstSlotIsPendingAsync("我想提取公积金", question);

        var citations = asked.Json.GetProperty("citations").EnumerateArray().ToList();
        Assert.NotEmpty(citations);
        Assert.Equal("住房公积金提取办事指南（示例）", citations[0].GetProperty("source").GetString());
    }

    [Theory]
    [InlineData("腰椎压缩性骨折能评几级")]
    [InlineData("他是腰椎压缩性骨折 这种大概能评几级伤残")]
    public async Task InjuryReport_HowManyGradesQuestionWhileTheIdIsAsked_IsAnsweredNotReadAsTheId(string question)
        => await AskWhileTheFirstSlotIsPendingAsync("我爸在工地摔伤了 工伤认定已经下来了", question);

    [Theory]
    [InlineData("这都过去一年多了 还能去申请劳动仲裁不")]
    [InlineData("现在听说公司营业执照都被吊销了 这钱还能要回来不")]
    public async Task WageComplaint_YesOrNoQuestionClosedByBuWhileTheIdIsAsked_IsAnsweredNotReadAsTheId(string question)
    {
        var asked = await AskWhileTheFirstSlotIsPendingAsync("快递网点去年把俺开了 最后一个月工资一直没结", question);

        Assert.True(asked.CitationCount > 0, asked.Reply);
    }

    /// <summary>Opens a form, asks <paramref name="question"/> while its first slot is pending, and checks the form waits on.</summary>
    private async Task<ChatTurn> AskWhileTheFirstSlotIsPendingAsync(string opening, string question)
    {
        var chat = NewSession();
        var opened = await chat.SayAsync(opening);
        Assert.Equal("collecting", opened.State);
        var pending = opened.Missing[0];

        var asked = await chat.SayAsync(question);

        Assert.DoesNotContain("没有识别出", asked.Reply, StringComparison.Ordinal);
        Assert.Equal("collecting", asked.State);
        Assert.Equal(pending, asked.Missing[0]);
        return asked;
    }

    [Theory]
    [InlineData("12345反映的问题处理完了", "不满意呢")]
    [InlineData("12345反映的问题回复了", "处理得不满意咋办")]
    [InlineData("12345反映过小区不让外卖车进的事", "回访的时候我要是说没解决，他们会咋弄")]
    public async Task HotlineAppeal_WhatBecameOfAnEarlierAppeal_OpensNoNewAppealAndTheQuestionIsAnswered(string story, string question)
    {
        var chat = NewSession();
        var told = await chat.SayAsync(story);
        Assert.Null(told.Task);

        var asked = await chat.SayAsync(question);

        Assert.Null(asked.Task);
        Assert.Contains("对处理结果不满意怎么办？", asked.Json.GetProperty("citations").EnumerateArray().Select(c => c.GetProperty("section").GetString()));
    }

    [Theory]
    [InlineData("几天给回话")]
    [InlineData("要留我真名吗 怕老板知道了上门找事")]
    [InlineData("要报真名不 怕他知道了给我穿小鞋")]
    [InlineData("打过去不报名字中不中")]
    [InlineData("do i have to give my real name? dont want the owner to know its me")]
    public async Task HotlineAppeal_QuestionWhileAskedWhereItHappened_IsAnsweredNotTakenAsThePlace(string question)
    {
        var chat = NewSession();
        var opened = await chat.SayAsync("打12345投诉噪音扰民");
        Assert.Equal("collecting", opened.State);
        if (opened.Missing[0] == "description") opened = await chat.SayAsync("楼下烧烤店每天半夜两点还在放音乐，吵得睡不着");
        Assert.Equal("location", opened.Missing[0]);

        var asked = await chat.SayAsync(question);

        Assert.True(asked.CitationCount > 0, asked.Reply);
        Assert.Equal("collecting", asked.State);
        Assert.Equal("location", asked.Missing[0]);
        Assert.Null(asked.Slot("location"));

        var placed = await chat.SayAsync("邯郸市丛台区幸福小区");
        Assert.Equal("邯郸市丛台区幸福小区", placed.Slot("location"));
    }

    [Theory]
    [InlineData("几天给回话")]
    [InlineData("那我要提供些啥材料")]
    public async Task HotlineAppeal_ShortQuestionWhileAskedWhatHappened_IsAnsweredNotTakenAsTheDescription(string question)
    {
        var chat = NewSession();
        var opened = await chat.SayAsync("我要打12345反映问题");
        Assert.Equal("description", opened.Missing[0]);

        var asked = await chat.SayAsync(question);

        Assert.True(asked.CitationCount > 0, asked.Reply);
        Assert.Equal("collecting", asked.State);
        Assert.Equal("description", asked.Missing[0]);
        Assert.Null(asked.Slot("description"));
    }

    [Fact]
    public async Task HotlineAppeal_EnglishQuestionAboutOwnPartWhileAskedWhatHappened_IsNotTakenAsTheDescription()
    {
        var chat = NewSession();
        var opened = await chat.SayAsync("I want to file a 12345 hotline request");
        Assert.Equal("description", opened.Missing[0]);

        // Answered or refused by the knowledge; either way the form still waits for the description.
        var asked = await chat.SayAsync("do i need to send photos or is describing it enough? and do i have to leave my phone number, rather not");

        Assert.Equal("collecting", asked.State);
        Assert.Equal("description", asked.Missing[0]);
        Assert.Null(asked.Slot("description"));
    }

    [Theory]
    [InlineData("我要转社保", "是找长沙的社保局还是东莞的")]
    [InlineData("我要申报职业伤害", "那我们区里社保经办机构在哪条街上啊")]
    public async Task QuestionNamingOtherValuesWhileTheIdIsAsked_IsTreatedAsAQuestionNotAsTheId(string request, string question)
    {
        var chat = NewSession();
        var opened = await chat.SayAsync(request);
        Assert.Equal(("collecting", "id_number"), (opened.State, opened.Missing[0]));

        var asked = await chat.SayAsync(question);

        Assert.DoesNotContain("没有识别出", asked.Reply, StringComparison.Ordinal);
        Assert.Contains("我们继续办理", asked.Reply, StringComparison.Ordinal);
        Assert.Equal(("collecting", "id_number"), (asked.State, asked.Missing[0]));
    }

    [Fact]
    public async Task WageComplaint_QuestionEndingInBuMidTask_IsAnswered()
    {
        var chat = NewSession();
        await chat.SayAsync("我女儿在餐馆打工被拖欠了两个月工资");
        var asked = await chat.SayAsync("那我能替他投诉吗 要他身份证不");

        Assert.True(asked.CitationCount > 0, asked.Reply);
        Assert.DoesNotContain("没有识别出", asked.Reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WageComplaint_DigressionMidTask_AnsweredThenFormResumes()
    {
        var before = (await TicketsAsync(ZhangWei)).Count;
        var chat = NewSession();
        await chat.SayAsync("老板拖欠我三个月工资，我要投诉");
        var afterId = await chat.SayAsync(ZhangWei);
        var pending = afterId.Missing[0];

        var digression = await chat.SayAsync("欠薪投诉需要准备什么材料？");
        Assert.True(digression.CitationCount > 0, digression.Reply);
        Assert.Equal("collecting", digression.State);
        Assert.Equal(pending, digression.Missing[0]);

        var turn = digression;
        for (var guard = 0; turn.State == "collecting" && guard < 8; guard++)
        {
            turn = turn.Missing[0] switch
            {
                "employer" => await chat.SayAsync("邯郸市某某餐饮管理有限公司"),
                "amount" => await chat.SayAsync("12000元"),
                "period" => await chat.SayAsync("2026年8月到10月"),
                "phone" => await chat.SayAsync("13800001111"),
                var other => throw new Xunit.Sdk.XunitException($"unexpected slot {other}"),
            };
        }
        Assert.Equal("confirming", turn.State);
        var done = await chat.SayAsync("是的");
        Assert.StartsWith("QX-", done.Ticket);
        Assert.Equal(before + 1, (await TicketsAsync(ZhangWei)).Count);
    }

    [Fact]
    public async Task InsuranceTransfer_FromAndToCity_SubmitsOneTicket()
    {
        var before = (await TicketsAsync(ZhangWei)).Count;
        var chat = NewSession();
        var confirming = await chat.SayAsync($"我要把养老保险从邯郸转到杭州，身份证{ZhangWei}");
        Assert.Equal("insurance_transfer", confirming.TaskName);
        Assert.Equal("confirming", confirming.State);
        Assert.Equal("邯郸市", confirming.Slot("from_city"));
        Assert.Equal("杭州市", confirming.Slot("to_city"));

        var done = await chat.SayAsync("确认");
        Assert.StartsWith("SBZY-", done.Ticket);
        Assert.Equal(before + 1, (await TicketsAsync(ZhangWei)).Count);
    }

    [Fact]
    public async Task HotlineAppeal_FreeTextSlots_SubmitsAndTicketIsRetrievable()
    {
        var chat = NewSession();
        var turn = await chat.SayAsync("我要向12345反映问题");
        Assert.Equal("hotline_appeal", turn.TaskName);
        for (var guard = 0; turn.State == "collecting" && guard < 6; guard++)
        {
            turn = turn.Missing[0] switch
            {
                "description" => await chat.SayAsync("小区门口的路灯坏了一个月，晚上送外卖很不安全"),
                "location" => await chat.SayAsync("邯郸市丛台区人民路88号"),
                "phone" => await chat.SayAsync("13800001111"),
                var other => throw new Xunit.Sdk.XunitException($"unexpected slot {other}"),
            };
        }
        var done = await chat.SayAsync("确认");
        Assert.StartsWith("RX-", done.Ticket);
        using var lookup = await server.Http.GetAsync($"sandbox/api/tickets/{done.Ticket}");
        Assert.True(lookup.IsSuccessStatusCode);
        var ticket = await lookup.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("hotline_appeal", ticket.GetProperty("task").GetString());
        Assert.Equal("13800001111", ticket.GetProperty("slots").GetProperty("phone").GetString());
    }

    [Fact]
    public async Task StationFinder_City_ListsStationsWithoutConfirmation()
    {
        var turn = await NewSession().SayAsync("邯郸附近有没有骑手驿站");
        Assert.Equal("station_finder", turn.TaskName);
        Assert.Contains("丛台区人民路工会驿站", turn.Reply);
        Assert.Null(turn.Ticket);
    }

    [Fact]
    public async Task TicketStatus_AfterSubmission_ReportsStatus()
    {
        var chat = NewSession();
        await chat.SayAsync($"我想提取公积金，身份证{ZhangWei}，租房，提取1000元，银行卡{ZhangWeiCard}");
        var ticket = (await chat.SayAsync("确认")).Ticket!;

        var status = await chat.SayAsync($"帮我查一下办件进度，编号{ticket}");
        Assert.Equal("ticket_status", status.TaskName);
        Assert.Contains(ticket, status.Reply);
        Assert.Contains("已受理", status.Reply);
    }
}
