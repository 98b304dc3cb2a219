using ServiceBot.Answers;

namespace ServiceBot.Core.Tests.Answers;

public sealed class SpecificAskTests
{
    [Theory]
    [InlineData("现在退休年龄是多少岁", "参加基本养老保险的个人，达到法定退休年龄时累计缴费满十五年的，按月领取基本养老金。")]
    [InlineData("职业伤害保障试点是哪一年开始搞的", "扩大职业伤害保障试点，建立健全职业伤害保障制度。")]
    [InlineData("下个月社保缴费截止日是几号", "用人单位应当自行申报、按时足额缴纳社会保险费。")]
    [InlineData("全国跑网约车的司机有多少人", "外卖配送员、快递员、网约车司机等户外劳动者都可以使用驿站。")]
    [InlineData("骑手技能大赛拿了第一名 奖金有多少", "定期举办行业职业技能大赛，提升新就业群体职业荣誉感和认同感。")]
    [InlineData("门诊看病医保能报多少", "符合基本医疗保险药品目录的医疗费用，按照国家规定从基本医疗保险基金中支付。")]
    [InlineData("How much does Meituan pay per delivery?", "Platforms should set reasonable pay and publish their pay rules.")]
    [InlineData("How many delivery riders are there in China?", "Delivery riders, couriers and ride-hailing drivers may use the stations.")]
    [InlineData("What is the phone number of the station in Yiwu?", "The station offers drinking water, charging and a rest area.")]
    public void IsUnanswered_FigureAskedButClauseStatesNone_IsTrue(string question, string clause)
        => Assert.True(SpecificAsk.IsUnanswered(question, clause));

    [Theory]
    [InlineData("现在退休年龄是多少岁", "职工年满六十周岁的，可以按月领取基本养老金。")]
    [InlineData("职业伤害保障试点是哪一年开始搞的", "职业伤害保障试点自2022年7月起开展。")]
    [InlineData("下个月社保缴费截止日是几号", "每月15日前缴纳当月社会保险费。")]
    [InlineData("单位多少人以上要建工会", "企业、事业单位、社会组织，有会员二十五人以上的，应当建立基层工会委员会。")]
    [InlineData("被辞退了 能补多少", "每满一年支付一个月工资的标准向劳动者支付。")]
    [InlineData("加班费能报几成", "支付不低于工资的百分之一百五十的工资报酬。")]
    [InlineData("How much is the rent for a stall?", "A stall rents for RMB 3,000 a month.")]
    [InlineData("What is the hotline phone number?", "Call 12345 at any hour.")]
    [InlineData("外国人注册公司 那要交多少钱", "不收费。办理企业设立登记和领取营业执照不收取费用。")]
    public void IsUnanswered_ClauseStatesTheKindOfFigureAsked_IsFalse(string question, string clause)
        => Assert.False(SpecificAsk.IsUnanswered(question, clause));

    [Theory]
    [InlineData("深圳的驿站电话是多少", true)]
    [InlineData("欠薪投诉打哪个电话", true)]
    [InlineData("能给个他们的电话吗", true)]
    [InlineData("What is the station's phone number?", true)]
    [InlineData("上个月申请了社保转移，一个多月了还显示办理中，打电话也没人接，我该去找谁", false)]
    [InlineData("手机摔坏了，报的时候联系电话能留我媳妇的号不", false)]
    [InlineData("我手机号和住址被人拿去卖了，天天接骚扰电话，国家保护不", false)]
    [InlineData("Can I leave my wife's phone number when I report it?", false)]
    public void IsUnanswered_PhoneNumberAskedOrOnlyMentioned_OnlyTheAskNeedsANumberStated(string question, bool unanswered)
        => Assert.Equal(unanswered, SpecificAsk.IsUnanswered(question, "可以在线提交，也可以到窗口办理，办结后短信通知本人。"));

    [Theory]
    [InlineData("那我们公司具体欠我多少你能查到吗")]
    [InlineData("我们站长叫啥名字 你查得到不")]
    [InlineData("我的社保缴了几年你能帮我查出来吗")]
    public void IsUnanswered_AsksTheBotToLookUpAPersonsRecord_IsTrue(string question)
        => Assert.True(SpecificAsk.IsUnanswered(question, "用人单位应当按时足额支付劳动报酬，拖欠的可以向劳动保障监察机构投诉。"));

    [Theory]
    [InlineData("附近哪里有卖充电宝的")]
    [InlineData("电动车电池哪儿能买")]
    [InlineData("意见里说的劳动合同参考文本 在哪个网站能下载")]
    [InlineData("Where can I buy a SIM card?")]
    [InlineData("Can you check how much money is left in my housing fund account?")]
    public void IsUnanswered_AsksWhereToBuyOrDownloadOrToCheckOnesOwnRecord_IsTrue(string question)
        => Assert.True(SpecificAsk.IsUnanswered(question, "驿站提供饮水、充电、热饭等服务，推广使用劳动合同参考文本，凭身份证号可以申请提取。"));

    [Theory]
    [InlineData("In which year was the first foreign-invested business in Yiwu set up?", "Yiwu now has many foreign-invested businesses.", true)]
    [InlineData("In which year was the first foreign-invested business in Yiwu set up?", "The first one opened in Yiwu in 1999.", false)]
    [InlineData("职业伤害保障试点是哪一年开始搞的", "试点地区每月补贴2000元。", true)]
    public void IsUnanswered_EnglishYearAsked_NeedsAYearStated(string question, string clause, bool unanswered)
        => Assert.Equal(unanswered, SpecificAsk.IsUnanswered(question, clause));

    [Theory]
    [InlineData("办件进度去哪查")]
    [InlineData("查驿站要告诉你啥")]
    [InlineData("在手机上咋查骑手驿站 要下载啥不")]
    public void IsUnanswered_AsksWhereToLookSomethingUp_IsFalse(string question)
        => Assert.False(SpecificAsk.IsUnanswered(question, "凭办件编号可以查询进度，告诉助手所在城市即可查询驿站。"));

    [Theory]
    [InlineData("骑手每天跑十几个小时，休息权有保障吗")]
    [InlineData("骑手受伤了怎么申报")]
    [InlineData("平台抽佣越来越狠 一单到手没几块钱了 国家到底管不管这个")]
    [InlineData("活越来越少 一天也挣不了多少 没多少钱 休息权有人管没")]
    [InlineData("平台抽成一年比一年狠 俺们一单才落几块钱 这事国家到底管不管啊")]
    [InlineData("刚干了没多久 就给几块钱补助 休息权有人管吗")]
    public void IsUnanswered_QuestionAsksForNoFigure_IsFalse(string question)
        => Assert.False(SpecificAsk.IsUnanswered(question, "保障新就业群体休息权益。"));

    [Theory]
    [InlineData("北京朝阳区的户外劳动者服务站有几家")]
    [InlineData("深圳一共有多少家骑手驿站")]
    public void AsksSpecific_HowManyPlaces_IsTrue(string question)
    {
        Assert.True(SpecificAsk.AsksSpecific(question));
        Assert.True(SpecificAsk.IsUnanswered(question, "外卖配送员、快递员、网约车司机等户外劳动者都可以使用驿站。"));
    }

    [Fact]
    public void IsUnanswered_HowManyFirms_AnsweredOnlyByAClauseThatCountsThem()
    {
        const string question = "义乌的外资公司有多少家了";
        Assert.False(SpecificAsk.IsUnanswered(question, "目前，义乌常驻外商超3万人，外资经营主体破1万家。"));
        Assert.True(SpecificAsk.IsUnanswered(question, "外国投资者在义乌设立一家企业，应当在3个月内办理登记。"));
    }

    [Theory]
    [InlineData("Is there a fee?")]
    [InlineData("How much does it cost to withdraw my housing fund?")]
    public void IsUnanswered_EnglishFeeQuestionAnsweredByFreeOfCharge_IsFalse(string question)
        => Assert.False(SpecificAsk.IsUnanswered(question, "No fee is charged for withdrawing the fund."));
}
