using ServiceBot.Assist;
using ServiceBot.Core.Tests.Conversation;
using ServiceBot.Understanding.Slots;
using static ServiceBot.Core.Tests.Assist.AssistTestSupport;

namespace ServiceBot.Core.Tests.Assist;

/// <summary>Pre-filling from the caller's lines through the real reader: corrections, precision and complaints.</summary>
public sealed class CallerSlotReaderTests(EngineFixture fixture) : IClassFixture<EngineFixture>
{
    private readonly TranscriptTaskReader _reader = Reader(fixture);

    private TranscriptReading Read(params TranscriptLine[] lines) => _reader.Read(lines, CallTime);

    [Fact]
    public void Read_CorrectionFollowedByAnAside_TakesTheValueRightAfterTheCue()
    {
        var reading = Read(
            Caller("我要把社保从南京转到徐州"),
            Agent("哪个险种"),
            Caller("失业的 哎不对 是养老的 失业那个不用转"));

        Assert.Equal("养老保险", reading.Slots[SlotIds.InsuranceType]);
    }

    [Fact]
    public void Read_NumberSaidAgainAfterItWasSaidReversed_TakesTheRestatedNumber()
    {
        var reading = Read(
            Caller("我要投诉欠薪 在蓝天装饰公司干活"),
            Agent("电话多少"),
            Caller("幺五九幺二三四五六八七 最后两位说反了 幺五九幺二三四五六七八"));

        Assert.Equal("15912345678", reading.Slots[SlotIds.Phone]);
    }

    [Fact]
    public void Read_PlaceCorrectedInTheSameLine_TakesThePlaceAfterTheCue()
    {
        var reading = Read(
            Caller("我要反映 垃圾站好几天没人清了 臭得不行"),
            Agent("在什么位置"),
            Caller("在青年路 哦说错了 是青年街东段 菜场后面"));

        Assert.Contains("青年街东段", reading.Slots[SlotIds.Location], StringComparison.Ordinal);
        Assert.DoesNotContain("青年路", reading.Slots[SlotIds.Location], StringComparison.Ordinal);
    }

    [Fact]
    public void Read_EmployerCorrectedInTheSameLine_TakesTheLaterEmployer()
    {
        var reading = Read(
            Caller("我要投诉拖欠工资"),
            Agent("哪个单位"),
            Caller("金星印刷厂 不对 那是以前的 现在是瑞丰包装厂"));

        Assert.Equal("瑞丰包装厂", reading.Slots[SlotIds.Employer]);
    }

    [Fact]
    public void Read_NamedMonthsAfterADuration_NamedMonthsWin()
    {
        var reading = Read(
            Caller("我在顺心家政公司干了五个多月了 工资一直拖着"),
            Agent("是哪几个月的工资"),
            Caller("八月份到十月份"));

        Assert.Equal("2026-08至2026-10", reading.Slots[SlotIds.Period]);
    }

    [Fact]
    public void Read_LongComplaint_DescriptionIsTheProblemClauseNotTheOpenerOrPlace()
    {
        var reading = Read(
            Caller("喂 你好 我要反映个情况 我是附近的居民 东湖公园南门 晚上广场舞音响开得特别大 十点多还不停"),
            Agent("您的电话"),
            Caller("幺五九幺二三四五六七八"));

        var description = reading.Slots[SlotIds.Description];
        Assert.Contains("广场舞音响开得特别大", description, StringComparison.Ordinal);
        Assert.DoesNotContain("反映", description, StringComparison.Ordinal);
        Assert.DoesNotContain("居民", description, StringComparison.Ordinal);
        Assert.Equal("东湖公园南门", reading.Slots[SlotIds.Location]);
    }

    [Fact]
    public void Read_ShortSubjectBeforeTheProblem_KeptWithIt()
    {
        var reading = Read(Caller("我要投诉 隔壁饭馆 每天把泔水倒在路边"), Agent("电话"), Caller("幺五九幺二三四五六七八"));

        Assert.StartsWith("隔壁饭馆", reading.Slots[SlotIds.Description], StringComparison.Ordinal);
        Assert.Contains("泔水倒在路边", reading.Slots[SlotIds.Description], StringComparison.Ordinal);
    }

    [Fact]
    public void Read_IdGroupCorrectedAsItIsRead_WholeIdAfterTheRepair()
    {
        var reading = Read(
            Caller("我想把医保从南京转到徐州"),
            Agent("身份证号"),
            Caller("三二零一零二 一九八三 零四六一 不对 是零四一六 二七五四"));

        Assert.Equal("320102198304162754", reading.Slots[SlotIds.IdNumber]);
    }

    [Fact]
    public void Read_PhoneSplitAroundTheAgentsBackchannel_JoinsTheNumber()
    {
        var reading = Read(
            Caller("我要反映 小区门口的路灯坏了好几天了"),
            Agent("留个电话"),
            Caller("幺三九"),
            Agent("嗯"),
            Caller("零零幺二 三四五六"));

        Assert.Equal("13900123456", reading.Slots[SlotIds.Phone]);
    }

    [Fact]
    public void Read_AnswerToWhereQuestion_ReplacesThePlaceSaidInPassing()
    {
        var reading = Read(
            Caller("我是送美团外卖的 昨天下午送餐的时候在一个小区门口摔伤了"),
            Agent("哪个小区"),
            Caller("就是丽景花园小区西门 那边在修路"));

        Assert.Equal("丽景花园小区西门", reading.Slots[SlotIds.AccidentPlace]);
    }

    [Fact]
    public void Read_AnswerToInjuryQuestion_TakesTheInjuryClausesItOpensWith()
    {
        var reading = Read(
            Caller("我跑饿了么的 前天晚上在解放路摔了"),
            Agent("伤到哪了"),
            Caller("右边胳膊肘磨破一大片 手指也肿了 现在拿不了东西"));

        var injury = reading.Slots[SlotIds.Injury];
        Assert.StartsWith("右边胳膊肘磨破一大片", injury, StringComparison.Ordinal);
        Assert.DoesNotContain("拿不了东西", injury, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_CorrectionOfTheAgentsReadBack_TakesTheFirstValueAfterTheCue()
    {
        var reading = Read(
            Caller("我辞职了 想把公积金取出来"),
            Agent("您提多少"),
            Caller("九千四"),
            Agent("四千九是吧"),
            Caller("不是 九千四 九千 四百"));

        Assert.Equal("9400", reading.Slots[SlotIds.Amount]);
    }

    [Fact]
    public void Read_CallerRestatesAfterTheAgentsWrongReadBack_NeverKeepsTheReadBackFigure()
    {
        var reading = Read(
            Caller("我退休了 想把公积金全取了"),
            Agent("取多少"),
            Caller("里头还有九万多 都取了 九万三千"),
            Agent("九万是吧"),
            Caller("九万三 九万三千"));

        Assert.Equal("93000", reading.Slots[SlotIds.Amount]);
    }

    [Fact]
    public void Read_RejectedValueInNotXButY_ReadsOnlyY()
    {
        var reading = Read(
            Caller("我要转社保 从太原转出去 养老保险"),
            Agent("转到郑州是吧"),
            Caller("不是郑州 是洛阳"));

        Assert.Equal("太原市", reading.Slots[SlotIds.FromCity]);
        Assert.Equal("洛阳市", reading.Slots[SlotIds.ToCity]);
    }

    [Fact]
    public void Read_HourRestatedAfterAReadBack_KeepsTheDayGiven()
    {
        var reading = Read(
            Caller("我是滴滴司机 前天早上八点在车站被人撞了"),
            Agent("前天早上九点是吧"),
            Caller("八点 早上八点"));

        Assert.Equal("2026-11-26T08:00:00+08:00", reading.Slots[SlotIds.AccidentTime]);
    }

    [Fact]
    public void Read_BalanceMentionedAfterTheSum_TakesTheSum()
    {
        var reading = Read(
            Caller("我买了房子 想提公积金还贷"),
            Agent("提多少"),
            Caller("先提四万 我看了账户里大概有六万多"));

        Assert.Equal("40000", reading.Slots[SlotIds.Amount]);
    }

    [Fact]
    public void Read_SumWorkedOutAloud_TakesTheLastSum()
    {
        var reading = Read(
            Caller("我要投诉欠薪 在宏远物流干了三个月"),
            Agent("一共欠您多少"),
            Caller("一个月四千 三个月一万二 扣掉预支的两千 还欠一万"));

        Assert.Equal("10000", reading.Slots[SlotIds.Amount]);
    }

    [Fact]
    public void Read_TransferSentenceAfterWhereTheCallerLived_TakesTheTransferEnds()
    {
        var reading = Read(
            Caller("我以前在合肥 后来去了南京 现在在杭州上班"),
            Agent("您要办什么"),
            Caller("把南京的医保转到杭州 合肥的早就转到南京了"));

        Assert.Equal("南京市", reading.Slots[SlotIds.FromCity]);
        Assert.Equal("杭州市", reading.Slots[SlotIds.ToCity]);
    }

    [Fact]
    public void Read_ComplaintAfterFeelings_TakesTheProblemWithWhatItIsAbout()
    {
        var reading = Read(
            Caller("喂 你好 我真是受不了了 我们楼上新搬来一户人家 每天半夜拖椅子 咣咣响"),
            Agent("您住哪个小区"),
            Caller("青松小区六号楼"),
            Agent("电话"),
            Caller("一三九零零一二三四五六"));

        var description = reading.Slots[SlotIds.Description];
        Assert.Contains("每天半夜拖椅子", description, StringComparison.Ordinal);
        Assert.DoesNotContain("受不了", description, StringComparison.Ordinal);
        Assert.Equal("青松小区六号楼", reading.Slots[SlotIds.Location]);
    }

    [Fact]
    public void Read_CorrectionThatRepeatsTheWrongValue_TakesTheValueThatDiffers()
    {
        var reading = Read(
            Caller("我开货拉拉的 不对 货拉拉是以前 现在开滴滴 出事那天接的是滴滴的单 昨天下午在东风路摔了"));

        Assert.Equal("滴滴出行", reading.Slots[SlotIds.Platform]);
    }

    [Fact]
    public void Read_MonthsListedOneByOne_OneRangeFromFirstToLast()
    {
        var reading = Read(
            Caller("我在鼎盛装饰公司干活 工资一直拖着不给"),
            Agent("哪几个月"),
            Caller("四月 五月 六月 三个月的"));

        Assert.Equal("2026-04至2026-06", reading.Slots[SlotIds.Period]);
    }
}
