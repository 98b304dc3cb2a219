using ServiceBot.Answers;

namespace ServiceBot.Core.Tests.Answers;

/// <summary>Which guide section a question about a task asks for, in the words people type on a phone.</summary>
public class TaskGuideSectionsTests
{
    [Theory]
    [InlineData("查驿站得告诉你啥信息", TaskGuideSections.Materials)]
    [InlineData("公积金取钱要填些啥", TaskGuideSections.Materials)]
    [InlineData("打12345那我要提供些啥", TaskGuideSections.Materials)]
    [InlineData("转社保你都会问我要哪几样", TaskGuideSections.Materials)]
    [InlineData("帮我爸查办件进度要啥", TaskGuideSections.Materials)]
    [InlineData("报那个职业伤害得要啥", TaskGuideSections.Materials)]
    [InlineData("投诉欠薪得等好久哦", TaskGuideSections.TimeLimit)]
    [InlineData("拖欠工资都两年多了 现在投诉还管不管", TaskGuideSections.TimeLimit)]
    [InlineData("厂里欠工资一年多咧 还能告不", TaskGuideSections.TimeLimit)]
    [InlineData("楼道燃气管子漏气，打12345的话他们多快能响应", TaskGuideSections.TimeLimit)]
    [InlineData("摔了快两个月了还能报吗", TaskGuideSections.TimeLimit)]
    [InlineData("有人说转社保要交三百块代办费", TaskGuideSections.Fees)]
    [InlineData("骑手摔伤了报职业伤害 要交手续费吗", TaskGuideSections.Fees)]
    [InlineData("投诉欠薪请律师的钱没有咋办", TaskGuideSections.Fees)]
    [InlineData("职业伤害的钱是谁出的", TaskGuideSections.Fees)]
    [InlineData("谁都能查吗 别人能查我的吗", TaskGuideSections.Conditions)]
    [InlineData("那外地户口呢？", TaskGuideSections.Conditions)]
    [InlineData("俺送外卖腿摔断了 这咋整", TaskGuideSections.Procedure)]
    [InlineData("在你这里转社保咋操作", TaskGuideSections.Procedure)]
    [InlineData("那能在网上登记不", TaskGuideSections.Online)]
    [InlineData("在你这投诉欠薪 最后会给我个啥编号", TaskGuideSections.Online)]
    [InlineData("Can I do it online?", TaskGuideSections.Online)]
    [InlineData("Can I apply in the Meituan app", TaskGuideSections.Online)]
    [InlineData("Can I withdraw my housing fund?", TaskGuideSections.Conditions)]
    [InlineData("And if I'm not a local?", TaskGuideSections.Conditions)]
    [InlineData("Do I have to pay anything?", TaskGuideSections.Fees)]
    [InlineData("I'm in Yiwu, Futian area. What else do you need from me?", TaskGuideSections.Materials)]
    [InlineData("Can I still complain, and what do I need?", TaskGuideSections.Materials)]
    [InlineData("What will the labour inspectors actually do about it?", TaskGuideSections.Procedure)]
    public void AskedFor_PhoneWording_NamesTheSection(string question, string section)
        => Assert.Equal(section, TaskGuideSections.AskedFor(question));

    [Theory]
    [InlineData("I drive for Didi in Guangzhou. Am I allowed to use the rider rest stations?")]
    [InlineData("are they only for food delivery people")]
    [InlineData("广州的驿站 开网约车的也能去吗")]
    [InlineData("深圳的驿站只给外卖员用吗")]
    public void AsksConditions_EligibilityQuestion_IsTrue(string question)
        => Assert.True(TaskGuideSections.AsksConditions(question));

    [Theory]
    [InlineData("广州有哪些驿站")]
    [InlineData("Where is the nearest rest station in Guangzhou?")]
    [InlineData("邯郸附近有没有骑手驿站")]
    public void AsksConditions_LookUp_IsFalse(string question)
        => Assert.False(TaskGuideSections.AsksConditions(question));

    [Theory]
    [InlineData("I switched off the app and fell off my scooter on the way to the supermarket, does it still count")]
    [InlineData("logged off the didi app, then someone hit me")]
    public void AskedFor_AppOnlyInTheStory_IsNotTheOnlineSection(string question)
        => Assert.NotEqual(TaskGuideSections.Online, TaskGuideSections.AskedFor(question));

    [Theory]
    [InlineData("社保交了两年了能不能转", TaskGuideSections.Conditions)]
    [InlineData("我跑了三年外卖 公积金能不能提", TaskGuideSections.Conditions)]
    [InlineData("要带啥材料 多久能办完", TaskGuideSections.Materials)]
    public void AskedFor_YearsOfWorkNotLateness_KeepsTheOtherCue(string question, string section)
        => Assert.Equal(section, TaskGuideSections.AskedFor(question));

    [Theory]
    [InlineData("社保转移是干啥的")]
    [InlineData("公积金提取是个啥业务")]
    [InlineData("欠薪投诉是啥 谁受理")]
    [InlineData("办件查询是干啥用的")]
    [InlineData("12345热线是咋回事 介绍一下")]
    public void AskedFor_WhatTheServiceIs_NamesTheOverview(string question)
        => Assert.Equal(TaskGuideSections.Overview, TaskGuideSections.AskedFor(question));

    [Theory]
    [InlineData("社保转移要带的材料是啥", TaskGuideSections.Materials)]
    [InlineData("公积金提取的条件是什么", TaskGuideSections.Conditions)]
    [InlineData("职业伤害申报的流程是啥", TaskGuideSections.Procedure)]
    public void AskedFor_WhatASectionIs_NamesThatSectionNotTheOverview(string question, string section)
        => Assert.Equal(section, TaskGuideSections.AskedFor(question));

    [Theory]
    [InlineData("办件状态显示正在受理是啥意思")]
    [InlineData("一直显示办理中是什么意思")]
    public void AskedFor_WhatAWordMeans_IsNoSection(string question)
        => Assert.Null(TaskGuideSections.AskedFor(question));

    [Theory]
    [InlineData("我跑了两年外卖了")]
    [InlineData("都两个月没发工资了")]
    [InlineData("社保转移")]
    [InlineData("我要啥都没有了还要继续干")]
    public void AskedFor_NoCue_ReturnsNull(string question)
        => Assert.Null(TaskGuideSections.AskedFor(question));
}
