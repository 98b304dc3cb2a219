using ServiceBot.Backend;
using ServiceBot.Tasks.Definitions;

namespace ServiceBot.Core.Tests.Conversation;

/// <summary>One complete dialogue per catalog task other than the housing fund (which has its own class).</summary>
public sealed class CatalogDialogueTests(EngineFixture fixture) : IClassFixture<EngineFixture>
{
    [Fact]
    public async Task HandleAsync_InjuryReportStepByStep_SubmitsNormalisedValues()
    {
        var bot = new EngineHarness(fixture);

        var confirming = await bot.SayAll("我要申报职业伤害", "130402199003074510", "美团", "昨天下午三点", "中华大街与人民路交叉口", "左小腿骨折", "13800001111");
        var submitted = await bot.Say("确认");

        Assert.Equal("confirming", confirming.Task!.State);
        Assert.Equal("2026-11-27T15:00:00+08:00", confirming.Task.Slots["accident_time"]);
        Assert.Equal("中华大街与人民路交叉口", confirming.Task.Slots["accident_place"]);
        Assert.Contains(@"138\*\*\*\*1111", confirming.Markdown);
        Assert.Contains("2026年11月27日 15:00", confirming.Markdown);
        // The correction hint names a slot this task has: the injury report has no amount.
        Assert.Contains("手机号改成13900002222", confirming.Markdown);
        Assert.DoesNotContain("金额", confirming.Markdown);
        var call = Assert.Single(bot.Backend.Calls);
        Assert.Equal(("Injury", "SubmitReport", "美团", "13800001111"), (call.Plugin, call.Function, call.Arguments["platform"], call.Arguments["phone"]));
        Assert.Equal("submitted", submitted.Task!.State);
        Assert.NotNull(submitted.Task.Ticket);
    }

    [Fact]
    public async Task HandleAsync_InjuryConfirmation_CorrectionExampleNamesOneOfItsOwnSlots()
    {
        var bot = new EngineHarness(fixture);

        var confirming = await bot.SayAll("我要申报职业伤害", "130402199003074510", "美团", "昨天下午三点", "中华大街与人民路交叉口", "左小腿骨折", "13800001111");
        var which = await bot.Say("我要修改");

        Assert.Equal("confirming", confirming.Task!.State);
        Assert.DoesNotContain("金额", confirming.Markdown);
        Assert.Contains("例如“手机号改成13900002222”", confirming.Markdown);
        Assert.DoesNotContain("金额", which.Markdown);
        var corrected = await bot.Say("手机号改成13900002222");
        Assert.Equal("13900002222", corrected.Task!.Slots["phone"]);
    }

    [Fact]
    public async Task HandleAsync_FundConfirmation_CorrectionExampleIsTheAmount()
    {
        var bot = new EngineHarness(fixture);

        var confirming = await bot.Say("我想提取公积金，身份证130402199003074510，租房，提取3000元，银行卡6217001234567890122");

        Assert.Equal("confirming", confirming.Task!.State);
        Assert.Contains("例如“提取金额改成2000”", confirming.Markdown);
    }

    [Fact]
    public async Task HandleAsync_WageComplaint_SubmitsAfterYes()
    {
        var bot = new EngineHarness(fixture);

        var confirming = await bot.SayAll("我要投诉欠薪", "330782199208153322", "义乌市某某物流有限公司", "8000", "今年3月到5月", "13900002222");
        var submitted = await bot.Say("是的");

        Assert.Equal("confirming", confirming.Task!.State);
        Assert.Equal(["amount", "employer", "id_number", "period", "phone"], confirming.Task.Slots.Keys.Order(StringComparer.Ordinal));
        var call = Assert.Single(bot.Backend.Calls);
        Assert.Equal(("LabourInspection", "SubmitWageComplaint", 8000m), (call.Plugin, call.Function, call.Arguments["amount"]));
        Assert.Equal("义乌市某某物流有限公司", call.Arguments["employer"]);
        Assert.Equal("submitted", submitted.Task!.State);
    }

    [Fact]
    public async Task HandleAsync_InsuranceTransfer_TakesCitiesInOrderAsked()
    {
        var bot = new EngineHarness(fixture);

        var confirming = await bot.SayAll("我要转移社保", "130402199003074510", "邯郸", "义乌", "养老保险");
        var submitted = await bot.Say("对");

        Assert.Equal("confirming", confirming.Task!.State);
        var call = Assert.Single(bot.Backend.Calls);
        Assert.Equal(("SocialInsurance", "SubmitTransfer"), (call.Plugin, call.Function));
        Assert.Equal(("邯郸市", "义乌市", "养老保险"), (call.Arguments["fromCity"], call.Arguments["toCity"], call.Arguments["insuranceType"]));
        Assert.Equal("submitted", submitted.Task!.State);
    }

    [Fact]
    public async Task HandleAsync_HotlineAppealOpenedByTellingTheProblem_DoesNotAskForItAgain()
    {
        var bot = new EngineHarness(fixture);

        var start = await bot.Say("打12345反映工地半夜施工太吵");
        var confirming = await bot.SayAll("丛台区人民路幸福小区", "13800001111");
        await bot.Say("确认");

        Assert.Equal(["location", "phone"], start.Task!.Missing);
        Assert.Contains("工地半夜施工太吵", start.Markdown, StringComparison.Ordinal);
        Assert.Equal("confirming", confirming.Task!.State);
        var call = Assert.Single(bot.Backend.Calls);
        Assert.Equal("工地半夜施工太吵", call.Arguments["description"]);
    }

    [Fact]
    public async Task HandleAsync_HotlineAppeal_TakesFreeTextAnswersWhole()
    {
        var bot = new EngineHarness(fixture);

        var start = await bot.Say("我要登记12345诉求");
        var confirming = await bot.SayAll("小区门口的路灯坏了好几天了，晚上很不安全", "丛台区人民路幸福小区", "13800001111");
        await bot.Say("确认");

        Assert.Equal(["description", "location", "phone"], start.Task!.Missing);
        Assert.Equal("confirming", confirming.Task!.State);
        var call = Assert.Single(bot.Backend.Calls);
        Assert.Equal("小区门口的路灯坏了好几天了，晚上很不安全", call.Arguments["description"]);
        Assert.Equal("丛台区人民路幸福小区", call.Arguments["location"]);
        Assert.Null(call.Arguments["idNumber"]);
    }

    [Fact]
    public async Task HandleAsync_ForeignEnterpriseRegistration_RefusesSundayOffersMondayAndBooks()
    {
        var bot = new EngineHarness(fixture);

        var start = await bot.Say("我想注册外资公司");
        await bot.SayAll("PK1234567", "义乌环球贸易有限公司", "日用百货进出口", "50万美元");
        var sunday = await bot.Say("明天");
        var confirming = await bot.SayAll(sunday.Suggestions[0], "13500005555");
        var submitted = await bot.Say("确认");

        Assert.Equal("foreign_enterprise_registration", start.Task!.Name);
        Assert.Equal(["passport", "company_name", "business_scope", "registered_capital", "appointment_date", "phone"], start.Task.Missing);
        Assert.Contains("周日不办公", sunday.Markdown);
        Assert.Equal("2026年11月30日", sunday.Suggestions[0]);
        Assert.Equal("confirming", confirming.Task!.State);
        Assert.Contains(@"PK\*\*\*\*567", confirming.Markdown);
        Assert.DoesNotContain("PK1234567", confirming.Markdown);
        Assert.Contains("2026年11月30日（周一）", confirming.Markdown);
        var call = Assert.Single(bot.Backend.Calls);
        Assert.Equal(("MarketRegulation", "BookForeignEnterpriseRegistration"), (call.Plugin, call.Function));
        Assert.Equal(("PK1234567", "义乌环球贸易有限公司", "500000 USD", "2026-11-30"),
            (call.Arguments["passport"], call.Arguments["companyName"], call.Arguments["registeredCapital"], call.Arguments["appointmentDate"]));
        Assert.Equal("submitted", submitted.Task!.State);
    }

    [Fact]
    public async Task HandleAsync_ForeignEnterpriseCorrections_ChangeCapitalAndRefuseASaturday()
    {
        var bot = new EngineHarness(fixture);

        await bot.SayAll("我想注册外资公司", "PK1234567", "Global Trade (Yiwu) Co., Ltd.", "import and export of daily necessities", "50万美元", "12月1日", "13500005555");
        var capital = await bot.Say("注册资本改成100万元人民币");
        var saturday = await bot.Say("预约日期改成12月5日");
        var date = await bot.Say("预约日期改成12月2日");

        Assert.Equal("1000000 CNY", capital.Task!.Slots["registered_capital"]);
        Assert.Contains("周六不办公", saturday.Markdown);
        Assert.Equal("2026-12-01", saturday.Task!.Slots["appointment_date"]);
        Assert.Equal("2026-12-02", date.Task!.Slots["appointment_date"]);
        Assert.Equal("confirming", date.Task.State);
        Assert.Empty(bot.Backend.Calls);
    }

    [Theory]
    [InlineData("我想注册外资公司")]
    [InlineData("外商投资企业设立登记预约")]
    [InlineData("我是巴基斯坦商人，想在义乌开一家贸易公司")]
    public async Task HandleAsync_ForeignEnterpriseRequest_OpensTheRegistrationForm(string text)
    {
        var reply = await new EngineHarness(fixture).Say(text);

        Assert.Equal("foreign_enterprise_registration", reply.Task?.Name);
        Assert.Equal("passport", reply.Task!.Missing[0]);
    }

    [Fact]
    public async Task HandleAsync_YesNoQuestionWhilePassportAsked_AnsweredAndFillsNothing()
    {
        var bot = new EngineHarness(fixture);
        await bot.Say("我想注册外资公司");

        // 一时半会 is no time of day, and a question is no answer to a slot it happens to mention (明天): it is answered, and
        // the form resumes with the date still to ask.
        var reply = await bot.Say("我人在国外 一时半会回不来 明天能让朋友替我去窗口办吗");

        Assert.Contains("我们继续办理**外商投资企业设立登记预约**", reply.Markdown);
        Assert.Equal("passport", reply.Task!.Missing[0]);
        Assert.Contains("appointment_date", reply.Task.Missing);
        Assert.Empty(bot.Backend.Calls);
    }

    [Theory]
    [InlineData("美团给骑手买的那个意外险 一般能赔多少钱")]
    [InlineData("那美团骑手的客服热线到底是多少号")]
    public async Task HandleAsync_AmountOrNumberAskedWhileIdAsked_IsAQuestionNotAValue(string question)
    {
        var bot = new EngineHarness(fixture);
        await bot.Say("我要申报职业伤害");

        // 美团 is a platform the form takes, yet 能赔多少钱 asks: the question is addressed and the ID is asked again.
        var reply = await bot.Say(question);

        Assert.Contains("我们继续办理", reply.Markdown);
        Assert.DoesNotContain("没有识别出", reply.Markdown);
        Assert.Equal("id_number", reply.Task!.Missing[0]);
        Assert.Empty(bot.Backend.Calls);
    }

    [Theory]
    [InlineData("PK1234567 这个可以吗")]
    [InlineData("PK1234567, is that ok?")]
    public async Task HandleAsync_PassportOfferedWithLeaveAsked_FillsThePassport(string text)
    {
        var bot = new EngineHarness(fixture);
        await bot.Say("我想注册外资公司");

        var reply = await bot.Say(text);

        Assert.DoesNotContain("passport", reply.Task!.Missing);
        Assert.Equal("company_name", reply.Task.Missing[0]);
    }

    [Fact]
    public async Task HandleAsync_DateOfferedWithLeaveAsked_FillsTheDate()
    {
        var bot = new EngineHarness(fixture);
        foreach (var text in (string[])["我想注册外资公司", "PK1234567", "义乌市环球贸易有限公司", "日用百货进出口", "50万美元"])
            await bot.Say(text);

        var reply = await bot.Say("下周二可以吗");

        Assert.Equal(["phone"], reply.Task!.Missing);
        Assert.Empty(bot.Backend.Calls);
    }

    [Fact]
    public async Task HandleAsync_StationEligibilityQuestionNamingACity_AnsweredNotLookedUp()
    {
        var bot = new EngineHarness(fixture);

        var reply = await bot.Say("I drive for Didi in Guangzhou. Am I allowed to use the rider rest stations or are they only for food delivery people?");

        Assert.Null(reply.Task);
        Assert.Contains("rest station", reply.Suggestions[0], StringComparison.OrdinalIgnoreCase);
        Assert.Empty(bot.Backend.Calls);
    }

    [Fact]
    public async Task HandleAsync_ForeignEnterpriseHowQuestion_AnsweredThenOffered()
    {
        var reply = await new EngineHarness(fixture).Say("外国人在义乌开公司怎么预约");

        Assert.Null(reply.Task);
        Assert.Equal("开始办理外商投资企业设立登记预约", reply.Suggestions[0]);
    }

    [Fact]
    public async Task HandleAsync_StationFinder_ListsStationsWithoutConfirmation()
    {
        var bot = new EngineHarness(fixture);

        var ask = await bot.Say("查找附近的驿站");
        var reply = await bot.Say("邯郸市");

        Assert.Equal(["city"], ask.Task!.Missing);
        Assert.Equal("submitted", reply.Task!.State);
        var call = Assert.Single(bot.Backend.Calls);
        Assert.Equal(("Stations", "FindStations", "邯郸市"), (call.Plugin, call.Function, call.Arguments["city"]));
        Assert.DoesNotContain("idempotencyKey", call.Arguments.Keys);
        Assert.Contains("丛台路88号", reply.Markdown);
        Assert.Contains("08:00-20:00", reply.Markdown);
        Assert.Contains("充电", reply.Markdown);
    }

    [Fact]
    public async Task HandleAsync_TicketStatusWithApplicantsIdNumber_ReportsStatusAndSlots()
    {
        var bot = new EngineHarness(fixture);

        var reply = await bot.Say("我的办件GJJ-20250601-000001到哪一步了，身份证号130402199003074510");

        Assert.Equal(("ticket_status", "submitted"), (reply.Task!.Name, reply.Task.State));
        Assert.Equal("GJJ-20250601-000001", Assert.Single(bot.Backend.Calls).Arguments["ticket"]);
        Assert.Contains("办理中", reply.Markdown);
        Assert.Contains("住房公积金提取", reply.Markdown);
        Assert.Contains(@"1304\*\*\*\*\*\*\*\*\*\*4510", reply.Markdown);
        Assert.Contains("租房", reply.Markdown);
    }

    [Fact]
    public async Task HandleAsync_SomeoneElsesTicket_RefusedWithoutDetails()
    {
        var bot = new EngineHarness(fixture);

        var reply = await bot.Say("我的办件GJJ-20250601-000001到哪一步了");

        Assert.Equal(("ticket_status", "failed"), (reply.Task!.Name, reply.Task.State));
        Assert.EndsWith(TicketStatusTask.NotYours, reply.Markdown);
        Assert.DoesNotContain("办理中", reply.Markdown);
        Assert.DoesNotContain("4510", reply.Markdown);
    }

    [Fact]
    public async Task HandleAsync_TicketNotFound_FailsAndTakesACorrectedNumber()
    {
        var bot = new EngineHarness(fixture, call => (string)call.Arguments["ticket"]! == "GJJ-20250601-000009"
            ? LookupResult<TicketInfo>.Missing(new BackendProblem(404, "ticket_not_found", "未找到办件编号为 GJJ-20250601-000009 的办件，请核对编号。"))
            : LookupResult<TicketInfo>.Success(new TicketInfo("GJJ-20250601-000001", "fund_withdrawal", "已办结",
                new Dictionary<string, string> { ["id_number"] = "130402199003074510" }, DateTimeOffset.UnixEpoch)));

        var missing = await bot.Say("查询办件GJJ-20250601-000009，身份证号130402199003074510");
        var retried = await bot.Say("GJJ-20250601-000001");

        Assert.Equal("failed", missing.Task!.State);
        Assert.EndsWith(TicketStatusTask.NotYours, missing.Markdown);
        Assert.Equal(2, bot.Backend.Calls.Count);
        Assert.Equal("submitted", retried.Task!.State);
        Assert.Contains("已办结", retried.Markdown);
    }

    [Fact]
    public async Task HandleAsync_ProgressRightAfterSubmission_LooksUpTheTicketJustIssued()
    {
        var bot = new EngineHarness(fixture);
        await bot.SayAll("我要提取公积金，身份证130402199003074510，租房，提取3000元，银行卡6217001234567890122", "确认");

        var reply = await bot.Say("查询办件进度");

        Assert.Equal("T-2026-000001", bot.Backend.Calls[^1].Arguments["ticket"]);
        Assert.Equal(("ticket_status", "submitted"), (reply.Task!.Name, reply.Task.State));
    }

    [Fact]
    public async Task HandleAsync_FreeTextAnswerMentioningCancelOrWhat_TakenAsTheAnswer()
    {
        var bot = new EngineHarness(fixture);
        await bot.Say("我要登记12345诉求");

        var reply = await bot.Say("不知道什么原因，小区的班车被取消了，老人出行很不方便");

        Assert.Equal("collecting", reply.Task!.State);
        Assert.Equal("不知道什么原因，小区的班车被取消了，老人出行很不方便", reply.Task.Slots["description"]);
        Assert.Equal("location", reply.Task.Missing[0]);
    }
}
