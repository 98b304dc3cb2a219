using ServiceBot.Understanding.Slots;

namespace ServiceBot.Core.Tests.Understanding;

/// <summary>Free-text slots found by cue words and pauses in spoken sentences, not by whole phrases.</summary>
public class FreeTextSlotsTests
{
    [Theory]
    [InlineData("昨晚在体育馆南门那边滑了一跤", "体育馆南门")]
    [InlineData("在绕城高速西三环出口下来的时候", "绕城高速西三环出口")]
    [InlineData("在镇卫生院东门口", "镇卫生院东门口")]
    [InlineData("在人民医院住院楼后门等人", "人民医院住院楼后门")]
    public void FindPlace_LandmarkWithSideOrExit_KeepsTheSuffix(string text, string place)
    {
        Assert.Equal(place, FreeTextSlots.FindPlace(text)?.Value);
    }

    [Fact]
    public void ExtractSlots_ExitLetter_KeepsTheCallersCapital()
    {
        var slots = SlotExtractor.CreateDefault(FixedTimeProvider.At("2026-11-28 10:00"))
            .ExtractSlots("在长江路地铁站C口那儿被人撞了", [SlotIds.AccidentPlace]);

        Assert.Equal("长江路地铁站C口", slots[SlotIds.AccidentPlace].Value);
    }

    [Theory]
    [InlineData("东风路跟胜利街路口西边 下水道堵了", "东风路跟胜利街路口西边")]
    [InlineData("俺是城郊乡李庄村的 路灯全灭了", "城郊乡李庄村")]
    [InlineData("喂 就是文化路中段 树倒了", "文化路中段")]
    public void FindPlace_ClauseThatIsAPlace_IsThePlace(string text, string place)
    {
        Assert.Equal(place, FreeTextSlots.FindPlace(text)?.Value);
    }

    [Theory]
    [InlineData("物业的人不让我们进小区")]
    [InlineData("身份证号 三二零一零二")]
    [InlineData("坐的是十八路")]
    public void FindPlace_ClauseWithAVerbOrNoPlace_NoPlace(string text)
    {
        Assert.Null(FreeTextSlots.FindPlace(text));
    }

    [Theory]
    [InlineData("被货架砸了 右脚三根脚趾骨折", "右脚三根脚趾骨折")]
    [InlineData("大夫说是腰椎间盘拉伤 要卧床", "腰椎间盘拉伤")]
    [InlineData("下巴缝了七针 还在输液", "下巴缝了七针")]
    [InlineData("门牙撞掉了一颗", "门牙撞掉了一颗")]
    [InlineData("脚崴了 走不了路", "脚崴了")]
    public void FindInjury_InjuryClause_KeepsItsQualifiersNotTheStory(string text, string injury)
    {
        Assert.Equal(injury, FreeTextSlots.FindInjury(text)?.Value);
    }

    [Theory]
    [InlineData("我给王德发干了半年活 他一直拖着", "王德发")]
    [InlineData("在赵哥的搬家队干活", "赵哥的搬家队")]
    [InlineData("我在步行街那家老李面馆上班", "老李面馆")]
    [InlineData("在那个 嗯 商场三楼 那个星光网咖 当收银员", "星光网咖")]
    public void FindEmployer_WorkFrame_TheNameBetweenPrepositionAndVerb(string text, string employer)
    {
        Assert.Equal(employer, FreeTextSlots.FindEmployer(text)?.Value);
    }

    [Theory]
    [InlineData("金鼎保洁拖欠我们三个月工钱", "金鼎保洁")]
    [InlineData("这活是远大建工的工程 包工头跑了", "远大建工")]
    [InlineData("工资不给 华兴机械制造有限公司 欠了半年", "华兴机械制造有限公司")]
    [InlineData("告他们明远装饰设计工程有限公司", "明远装饰设计工程有限公司")]
    public void FindEmployer_DebtorOwnerOrCompanyName_Found(string text, string employer)
    {
        Assert.Equal(employer, FreeTextSlots.FindEmployer(text)?.Value);
    }

    [Fact]
    public void FindEmployer_VagueAndNamedEmployer_NamedOneWins()
    {
        Assert.Equal("盛达物流有限公司", FreeTextSlots.FindEmployer("我在一家工厂干活 盛达物流有限公司 老板不见了")?.Value);
    }

    [Fact]
    public void ExtractSlots_WorkedInACity_CityIsNotTheEmployer()
    {
        var slots = SlotExtractor.CreateDefault(FixedTimeProvider.At("2026-11-28 10:00"))
            .ExtractSlots("我以前一直在杭州上班 现在回来了", [SlotIds.Employer]);

        Assert.False(slots.ContainsKey(SlotIds.Employer));
    }

    [Theory]
    [InlineData("老板欠我们工资不给")]
    [InlineData("我们公司拖欠工资")]
    [InlineData("十月份的工资到现在还没发")]
    public void FindEmployer_NoNameGiven_Nothing(string text)
    {
        Assert.Null(FreeTextSlots.FindEmployer(text));
    }

    [Fact]
    public void FindEmployer_BossNamed_IsTheEmployerRatherThanHisCrew()
    {
        Assert.Equal("孙大海", FreeTextSlots.FindEmployer("老板叫孙大海 我们都跟着他的装修队干")?.Value);
    }

    [Fact]
    public void FindEmployer_VaguePlaceThenItsName_TakesTheName()
    {
        Assert.Equal("李记面馆", FreeTextSlots.FindEmployer("我在一家饭馆干活 叫李记面馆")?.Value);
    }

    [Fact]
    public void FindPlace_DistanceFromACrossing_KeptWithTheCrossing()
    {
        Assert.Equal("建设路和团结街路口往西三十米", FreeTextSlots.FindPlace("建设路和团结街路口往西三十米 有个大坑")?.Value);
    }

    [Theory]
    [InlineData("打12345反映工地半夜施工太吵", "工地半夜施工太吵")]
    [InlineData("小区门口路灯坏了好几天了，我要打12345反映一下", "小区门口路灯坏了好几天了")]
    [InlineData("我想投诉一下楼下烧烤店油烟太大", "楼下烧烤店油烟太大")]
    public void FindOpeningDescription_MessageTellingTheProblem_TheProblemWithoutTheRequest(string text, string problem)
        => Assert.Equal(problem, FreeTextSlots.FindOpeningDescription(text));

    [Theory]
    [InlineData("我要登记12345诉求")]
    [InlineData("我想反映个问题")]
    [InlineData("我要向12345反映问题")]
    [InlineData("打12345")]
    public void FindOpeningDescription_RequestAlone_Null(string text) => Assert.Null(FreeTextSlots.FindOpeningDescription(text));
}
