using ServiceBot.Core.Tests.Conversation;
using ServiceBot.Understanding.Slots;
using static ServiceBot.Core.Tests.Assist.AssistTestSupport;

namespace ServiceBot.Core.Tests.Assist;

public sealed class CallAssistantTests(EngineFixture fixture) : IClassFixture<EngineFixture>
{
    private readonly ServiceBot.Assist.CallAssistant _assistant = Assistant(fixture);

    [Fact]
    public async Task AssistAsync_InjuryCall_RecognisesTaskAndPrefillsFromSpokenWords()
    {
        var result = await _assistant.AssistAsync(CallTime,
            Agent("您好 一二三四五 请讲"),
            Caller("呃 我是美团外卖骑手 昨天下午三点送餐的时候在人民路和中华大街交叉口被车撞了"),
            Agent("您伤得重不重"),
            Caller("左小腿骨折了"),
            Agent("联系电话多少"),
            Caller("幺三八 零零零零 幺幺幺幺"));

        Assert.Equal("injury_report", result.Task?.Name);
        var slots = result.Task!.Slots;
        Assert.Equal("美团", slots[SlotIds.Platform]);
        Assert.Equal("2026-11-27T15:00:00+08:00", slots[SlotIds.AccidentTime]);
        Assert.Equal("人民路和中华大街交叉口", slots[SlotIds.AccidentPlace]);
        Assert.Equal("左小腿骨折了", slots[SlotIds.Injury]);
        Assert.Equal("13800001111", slots[SlotIds.Phone]);
        Assert.Equal([SlotIds.IdNumber], result.Task.Missing);
    }

    [Fact]
    public async Task AssistAsync_NumberSaidOnlyByAgent_IsNotTaken()
    {
        var result = await _assistant.AssistAsync(CallTime,
            Caller("我要投诉欠薪 我在恒达建筑工程有限公司干活 老板三个月没发工资"),
            Agent("您的电话是一三九零零零零二二二二吗 身份证号比如一一零一零五一九四九一二三一零零二叉这样"),
            Caller("对"));

        Assert.Equal("wage_complaint", result.Task?.Name);
        Assert.False(result.Task!.Slots.ContainsKey(SlotIds.Phone));
        Assert.False(result.Task.Slots.ContainsKey(SlotIds.IdNumber));
        Assert.Equal([SlotIds.IdNumber, SlotIds.Amount, SlotIds.Phone], result.Task.Missing);
    }

    [Fact]
    public async Task AssistAsync_CallerCorrectsValueTheAgentReadBack_TakesTheCorrection()
    {
        var result = await _assistant.AssistAsync(CallTime,
            Caller("我辞职了想把公积金取出来"),
            Agent("要取多少钱"),
            Caller("取两万 不对不对 取一万五就行"),
            Agent("电话一三八零零零零一二三四对吗"),
            Caller("一三八零零零零一二三四 说错了 是一三八零零零零一二四三"));

        Assert.Equal("fund_withdrawal", result.Task?.Name);
        Assert.Equal("15000", result.Task!.Slots[SlotIds.Amount]);
        Assert.Equal("resignation", result.Task.Slots[SlotIds.Reason]);
    }

    [Fact]
    public async Task AssistAsync_SelfCorrectedDate_TakesTheLaterValue()
    {
        var result = await _assistant.AssistAsync(CallTime,
            Caller("我是开滴滴的 出了个事故 想申报职业伤害"),
            Agent("什么时间出的事"),
            Caller("前天下午四点 哦不对 是大前天下午四点"));

        Assert.Equal("2026-11-25T16:00:00+08:00", result.Task?.Slots[SlotIds.AccidentTime]);
    }

    [Fact]
    public async Task AssistAsync_RelativeDate_ResolvesAgainstTheCallsOwnTime()
    {
        var lines = new[] { Caller("我是饿了么骑手 昨天晚上八点在建设路口摔了 左腿骨折") };

        var early = await _assistant.AssistAsync(DateTimeOffset.Parse("2026-03-02T10:00:00+08:00", System.Globalization.CultureInfo.InvariantCulture), lines);
        var late = await _assistant.AssistAsync(CallTime, lines);

        Assert.Equal("2026-03-01T20:00:00+08:00", early.Task?.Slots[SlotIds.AccidentTime]);
        Assert.Equal("2026-11-27T20:00:00+08:00", late.Task?.Slots[SlotIds.AccidentTime]);
    }

    [Fact]
    public async Task AssistAsync_BareAnswerToTheAgentsQuestion_FillsThatSlot()
    {
        var result = await _assistant.AssistAsync(CallTime,
            Caller("我是货拉拉司机 今天早上装货的时候腰部扭伤了"),
            Agent("事故地点在哪里"),
            Caller("稍等我想想"),
            Caller("东环路和联纺路交叉口"),
            Agent("要提取多少钱"),
            Caller("三千"));

        Assert.Equal("东环路和联纺路交叉口", result.Task?.Slots[SlotIds.AccidentPlace]);
        Assert.False(result.Task!.Slots.ContainsKey(SlotIds.Amount));
    }

    [Fact]
    public async Task AssistAsync_LoneNoBetweenPauses_CorrectsTheAmount()
    {
        var result = await _assistant.AssistAsync(CallTime,
            Caller("我租房子住 想提点公积金"), Agent("提多少"), Caller("提八千六 嗯 不 九千"));

        Assert.Equal("9000", result.Task?.Slots[SlotIds.Amount]);
    }

    [Fact]
    public async Task AssistAsync_AgentAsksWhere_AnswerIsThePlace()
    {
        var result = await _assistant.AssistAsync(CallTime,
            Caller("我开货拉拉的 昨天下午三点多卸货的时候头磕破了"), Agent("在哪儿"), Caller("物流园三号仓库"));

        Assert.Equal("物流园三号仓库", result.Task?.Slots[SlotIds.AccidentPlace]);
        Assert.Equal("头磕破了", result.Task?.Slots[SlotIds.Injury]);
    }

    [Fact]
    public async Task AssistAsync_TransferAcrossLines_FillsBothCities()
    {
        var result = await _assistant.AssistAsync(CallTime,
            Caller("呃 我在深圳交了五年社保 养老的"),
            Agent("现在要转到哪里"),
            Caller("转回邯郸老家"));

        Assert.Equal("insurance_transfer", result.Task?.Name);
        Assert.Equal("深圳市", result.Task!.Slots[SlotIds.FromCity]);
        Assert.Equal("邯郸市", result.Task.Slots[SlotIds.ToCity]);
        Assert.Equal("养老保险", result.Task.Slots[SlotIds.InsuranceType]);
    }

    [Fact]
    public async Task AssistAsync_GreetingOnly_NoTaskButASummary()
    {
        var result = await _assistant.AssistAsync(CallTime, Agent("您好 请讲"), Caller("喂 你好"));

        Assert.Null(result.Task);
        Assert.Contains("喂 你好", result.Summary);
    }

    [Fact]
    public async Task AssistAsync_Call_SummaryMasksNumbersAndSuggestionsAskForWhatIsMissing()
    {
        var result = await _assistant.AssistAsync(CallTime,
            Caller("我想用公积金付房租 身份证一三零四零二一九八八零六一二一零零五"));

        Assert.Equal("fund_withdrawal", result.Task?.Name);
        Assert.Contains("住房公积金提取", result.Summary);
        Assert.Contains("1304**********1005", result.Summary);
        Assert.DoesNotContain("130402198806121005", result.Summary);
        Assert.DoesNotContain("一三零四零二一九八八零六一二一零零五", result.Summary);
        Assert.Contains(result.Suggestions, s => s.Text.Contains("提取金额", StringComparison.Ordinal) || s.Text.Contains("多少金额", StringComparison.Ordinal));
    }
}
