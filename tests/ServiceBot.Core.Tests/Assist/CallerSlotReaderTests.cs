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
}
