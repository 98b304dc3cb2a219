using ServiceBot.Answers.Refusal;

namespace ServiceBot.Core.Tests.Answers.Refusal;

public class AskedAspectTests
{
    private const string FundProcess = "审核决定：住房公积金管理中心审核后作出准予提取或者不准提取的决定，并通知申请人；资金1至3个工作日内到账。";

    private const string StationHours = "示例：多数站点的开放时间为8:00至20:00，部分设在商圈、交通枢纽附近的站点全天开放。";

    private const string WageWhere = "可以向用人单位所在地或者工作所在地的人力资源社会保障行政部门（劳动保障监察机构，也叫劳动监察大队）投诉欠薪。";

    private const string EnglishFundCounter = "Apply at a housing provident fund service counter with your ID card; the centre decides within 3 working days.";

    private const string EnglishStationHours = "Sample: most stations open from 8:00 to 20:00; some near shopping districts or transport hubs are open around the clock.";

    private const string YiwuLanguages = "In the Yiwu International Trade City you hear not only English but Arabic, Russian and Spanish; many shopkeepers speak several languages.";

    private const string EnglishStationServices = "Sample: rest, drinking water, a microwave for meals, phone charging, toilets and a first-aid kit.";

    private const string FundOnline = "助手会逐项询问身份证号、提取原因、提取金额和银行卡号，说错了可以直接说“把金额改成2000”更正。";

    private const string TwoHotlines = "可以拨打12345政务服务便民热线或者12333人社服务热线反映。";

    private const string Goal = "主要目标是：到2027年，上下联动、条块结合、有效协同的工作机制进一步完善。";

    [Theory]
    [InlineData("公积金中心周六上班不 上午几点开门", FundProcess)]
    [InlineData("职业伤害保障试点啥时候推广到全国", FundProcess)]
    [InlineData("我们区劳动监察大队在哪栋楼几楼办公", WageWhere)]
    [InlineData("那我们老板叫啥你能查到不", WageWhere)]
    [InlineData("区里劳动监察大队的队长是谁 我能直接加他微信不", WageWhere)]
    [InlineData("这个意见是哪个处长负责起草的", Goal)]
    [InlineData("打12345老是占线 一般啥时候打好打通", WageWhere)]
    [InlineData("技能大赛今年啥时候报名", WageWhere)]
    [InlineData("那社保卡丢了咋补", FundProcess)]
    [InlineData("身份证丢了 在外地能补办不", WageWhere)]
    [InlineData("在我们县公积金管理部办提取，要不要先在网上取号", FundProcess)]
    [InlineData("俺普通话说不利索，去投诉欠薪能带个老乡帮俺翻译不", WageWhere)]
    [InlineData("Is the housing fund centre counter open on Saturday morning?", EnglishFundCounter)]
    [InlineData("When does the fund counter close? I finish work at six", EnglishFundCounter)]
    [InlineData("can I make my 12345 complaint in Arabic?", EnglishFundCounter)]
    [InlineData("Is there an English-speaking hotline I can call?", EnglishFundCounter)]
    [InlineData("Which bank in Yiwu lets a foreigner open an account?", EnglishFundCounter)]
    [InlineData("Can you give me the name of a lawyer who takes wage cases?", EnglishFundCounter)]
    [InlineData("There is a mini program for tickets, what is it called?", EnglishFundCounter)]
    [InlineData("do the rider stations have a shower? I'm all sweaty after deliveries", EnglishStationServices)]
    [InlineData("Do the rider stations have free wifi?", EnglishStationServices)]
    [InlineData("Does the 12345 hotline have an English speaking operator?", EnglishStationServices)]
    [InlineData("前天打12345投诉了小区物业 今天物业已经给解决了 那个诉求能撤销不", WageWhere)]
    [InlineData("社保转移已经提交了 转入城市选错了 提交了还能改不", FundProcess)]
    [InlineData("之前投诉拿到的那个编号记不住，能不能给我改成个好记的号", WageWhere)]
    [InlineData("那美团骑手的客服热线到底是多少号 我打哪个", WageWhere)]
    [InlineData("我们县劳动监察大队的电话是多少", WageWhere)]
    [InlineData("whats the phone number of yiwu market regulation bureau?", EnglishFundCounter)]
    [InlineData("After my company is registered, how do I change my business visa to a work visa?", EnglishFundCounter)]
    [InlineData("How do I register a trademark for my brand name in China?", EnglishFundCounter)]
    [InlineData("how can i get him a work permit, how long it take?", EnglishFundCounter)]
    [InlineData("after the company is set up how long to get my work permit through it", EnglishFundCounter)]
    [InlineData("my wife and 2 kids want to join me. what documents do they need for the family residence permit?", EnglishFundCounter)]
    [InlineData("is there a shower at the rider station in binjiang? been riding all day", EnglishStationServices)]
    public void IsUnstated_AspectTheClauseDoesNotState_IsTrue(string question, string clause)
        => Assert.True(AskedAspect.IsUnstated(question, clause));

    [Theory]
    [InlineData("驿站晚上几点关门", StationHours)]
    [InlineData("被拖欠工资去哪里投诉", WageWhere)]
    [InlineData("这个意见的目标是到哪一年实施完", Goal)]
    [InlineData("被派遣过来的 用工单位拖欠工资谁负责", WageWhere)]
    [InlineData("公积金提取几天到账", FundProcess)]
    [InlineData("我是兼职工会委员 去开工会的会占了上班时间 公司要扣我工资 这对吗", WageWhere)]
    [InlineData("我们天天接触有毒东西 厂里关门前得给做体检不", Goal)]
    [InlineData("那个意见里把我们这种靠平台干活的人叫啥", Goal)]
    [InlineData("When are the rider stations open?", EnglishStationHours)]
    [InlineData("Are the stations open at night?", EnglishStationHours)]
    [InlineData("Which languages do people speak in the Yiwu market?", YiwuLanguages)]
    [InlineData("Can I open a bank account with my fund?", EnglishFundCounter)]
    [InlineData("Do I get paid more for working on Sunday?", EnglishFundCounter)]
    [InlineData("Do those rider rest stations have a microwave?", EnglishStationServices)]
    [InlineData("Is there any rule about how platforms set delivery times?", EnglishStationServices)]
    [InlineData("is there some charge for that?", EnglishStationServices)]
    [InlineData("How many foreign merchants in Yiwu are there now?", EnglishStationServices)]
    [InlineData("is there anything he can claim?", EnglishStationServices)]
    [InlineData("在你这聊着办 我把卡号或者金额说错了 能改不", FundOnline)]
    [InlineData("站长说系统改成了22分钟 这合理吗", WageWhere)]
    [InlineData("欠薪了打12345还是12333 电话是多少", TwoHotlines)]
    [InlineData("Can I complain about my unpaid salary by phone, which number?", EnglishFundCounter)]
    [InlineData("How do I apply for the housing fund withdrawal at the counter?", EnglishFundCounter)]
    [InlineData("how can I get my money back?", EnglishFundCounter)]
    [InlineData("is there a microwave at the rider station?", EnglishStationServices)]
    [InlineData("how long to get the housing fund money?", EnglishFundCounter)]
    public void IsUnstated_AspectStatedOrNoneAsked_IsFalse(string question, string clause)
        => Assert.False(AskedAspect.IsUnstated(question, clause));

    [Theory]
    [InlineData("我这个情况去仲裁能赢吗")]
    [InlineData("滴滴司机的抽成今年会降吗")]
    [InlineData("闪送和货拉拉哪个平台赔得多")]
    [InlineData("老公赌博欠的钱我要不要一起还")]
    [InlineData("送餐时蹭了人家的车 车主要我赔两千合理吗")]
    [InlineData("你说我该不该去找她")]
    public void AsksJudgement_VerdictPredictionOrChoice_IsTrue(string question)
        => Assert.True(AskedAspect.AsksJudgement(question));

    [Theory]
    [InlineData("公司倒闭了 欠的工资还能要回来吗")]
    [InlineData("网上说代办提取公积金收五百块靠谱吗")]
    [InlineData("仲裁要花钱吗")]
    public void AsksJudgement_QuestionARuleAnswers_IsFalse(string question)
        => Assert.False(AskedAspect.AsksJudgement(question));
}
