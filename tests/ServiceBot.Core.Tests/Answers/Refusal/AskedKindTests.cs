using ServiceBot.Answers.Refusal;

namespace ServiceBot.Core.Tests.Answers.Refusal;

public class AskedKindTests
{
    private const string Goal = "主要目标是：到2027年，上下联动、条块结合、有效协同的工作机制进一步完善。再过3至5年，新就业群体服务管理制度更加成熟。";

    private const string Compensation = "经济补偿按劳动者在本单位工作的年限，每满一年支付一个月工资的标准向劳动者支付。";

    private const string PensionYears = "参加基本养老保险的个人，达到法定退休年龄时累计缴费满十五年的，按月领取基本养老金。";

    private const string UnemploymentStandard = "失业保险金的标准，按照低于当地最低工资标准、高于城市居民最低生活保障标准的水平，由省、自治区、直辖市人民政府确定。";

    private const string HotlineLimit = "一般诉求派单后承办单位在5个工作日内答复；紧急诉求2小时内响应。";

    private const string Yiwu = "目前，义乌常驻外商超3万人，外资经营主体破1万家，稳居全国县级市第一。";

    private const string YiwuEnglish = "More than 30,000 foreign merchants live in Yiwu, and it has more than 10,000 foreign-invested business entities.";

    private const string InjuryFee = "不收费。职业伤害保障费由平台企业按单缴纳，从业人员个人不缴费。";

    private const string RentWithdrawal = "提取额度按本市租房提取定额执行，示例为每人每月不超过1500元，可按月或按年提取。";

    private const string StationNearby = "告诉助手所在城市和区县，就能查到附近的驿站、工会驿站和户外劳动者服务站，结果包含站点名称、地址、开放时间和服务项目。";

    [Theory]
    [InlineData("意见里说的2027年目标 到时候骑手月收入能到多少", Goal)]
    [InlineData("那退休了一个月能领多少", PensionYears)]
    [InlineData("欠薪投诉最后真能要回钱的有几成", HotlineLimit)]
    [InlineData("12345热线一年能接多少个电话", HotlineLimit)]
    [InlineData("How many delivery riders work in Yiwu?", HotlineLimit)]
    [InlineData("文件说要扩大职业伤害保障试点 全国有多少骑手已经参保了", HotlineLimit)]
    [InlineData("What is the rent of a shop in Yiwu market, and what does the rent cost per month?", HotlineLimit)]
    [InlineData("In which year was the first foreign-invested business in Yiwu set up?", HotlineLimit)]
    [InlineData("公积金租房一个月最多能提多少", HotlineLimit)]
    public void FigureOfKindUnstated_ClauseStatesOtherFiguresOnly_IsTrue(string question, string clause)
        => Assert.True(AskedKind.FigureOfKindUnstated(question, clause));

    [Theory]
    [InlineData("被公司辞退了 经济补偿干一年给几个月工资", Compensation)]
    [InlineData("失业金一个月能领多少钱", UnemploymentStandard)]
    [InlineData("义乌现在常驻的外商有多少人", Yiwu)]
    [InlineData("How many foreign merchants live in Yiwu?", YiwuEnglish)]
    [InlineData("女的生孩子 产假至少给多少天", HotlineLimit)]
    [InlineData("打12345反映问题 一般几天给答复", HotlineLimit)]
    [InlineData("How many days does it take?", HotlineLimit)]
    [InlineData("To take housing fund for our rent, do we need to bring our marriage certificate?", HotlineLimit)]
    [InlineData("职业伤害保障要交多少钱", InjuryFee)]
    [InlineData("公积金租房一个月最多能提多少", RentWithdrawal)]
    public void FigureOfKindUnstated_KindStatedOrNoneAsked_IsFalse(string question, string clause)
        => Assert.False(AskedKind.FigureOfKindUnstated(question, clause));

    [Theory]
    [InlineData("俺们这嘎达的骑手驿站 是哪个单位出钱盖的", StationNearby)]
    [InlineData("户外劳动者服务站的水电费是谁掏的", StationNearby)]
    [InlineData("司机之家的建设经费是哪个部门出的", Goal)]
    [InlineData("给骑手做心理疏导 这钱是从社保基金里出还是财政出", Goal)]
    [InlineData("表彰骑手的奖金是平台掏还是财政掏", Goal)]
    public void PayerUnstated_NoPayerNamed_IsTrue(string question, string clause)
        => Assert.True(AskedKind.PayerUnstated(question, clause));

    [Theory]
    [InlineData("职业伤害保障的钱是平台交还是我自己交 谁出钱", InjuryFee)]
    [InlineData("这个意见是谁发的", Goal)]
    [InlineData("老板拿不出钱就让我们等 不发工资违法不", Compensation)]
    [InlineData("驿站在哪", StationNearby)]
    public void PayerUnstated_PayerNamedOrNoneAsked_IsFalse(string question, string clause)
        => Assert.False(AskedKind.PayerUnstated(question, clause));

    [Theory]
    [InlineData("你能查到我社保一共交了几年吗")]
    [InlineData("那我们公司具体欠我多少你能查到吗")]
    [InlineData("帮我看看我公积金账户里现在还有多少钱")]
    public void AsksPersonalRecord_OwnRecord_IsTrue(string question)
        => Assert.True(AskedKind.AsksPersonalRecord(question));

    [Theory]
    [InlineData("帮我查一下我的办件进度")]
    [InlineData("帮我查查附近的驿站")]
    [InlineData("社保交了几年才能领养老金")]
    public void AsksPersonalRecord_TicketStationOrRule_IsFalse(string question)
        => Assert.False(AskedKind.AsksPersonalRecord(question));
}
