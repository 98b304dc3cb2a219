using ServiceBot.Conversation;

namespace ServiceBot.Core.Tests.Conversation;

public class TaskQuestionCueTests
{
    [Theory]
    [InlineData("社保转移要准备啥材料")]
    [InlineData("跑单摔了快两个月了才想起来报 还来得及不")]
    [InlineData("老板欠了我两个月工资我该找谁")]
    [InlineData("我要提取公积金，需要带什么材料")]
    [InlineData("我想问一下社保转移怎么弄")]
    [InlineData("提公积金那个流程是咋走的")]
    [InlineData("欠薪投诉要交钱吗")]
    [InlineData("驿站晚上开门不 俺夜里跑单")]
    [InlineData("我想申请仲裁 有时效吗")]
    [InlineData("转社保要掏钱不咧")]
    [InlineData("转社保需不需要我两头跑")]
    [InlineData("转社保找转出地还是转入地")]
    [InlineData("投诉欠薪得等好久哦")]
    [InlineData("家里人可以替我报职业伤害吗")]
    [InlineData("我人在国外，朋友能帮我办注册不")]
    [InlineData("能查家里人的办件吗 比如帮我爸查")]
    [InlineData("工会能帮我们要工资吗")]
    [InlineData("我能帮我老公查他的办件进度吗")]
    [InlineData("在这投诉欠薪 最后会给我个啥编号")]
    [InlineData("阿拉送外卖的 公积金好交伐")]
    [InlineData("在这儿办社保转移的话，你都会问我要哪几样")]
    [InlineData("那我要提供些啥，录的视频能用上不")]
    [InlineData("想查查公司到底给我交没交公积金 他们能不给查吗")]
    [InlineData("公积金封存了，新单位又给我交上了，还用原来那个账户吗")]
    [InlineData("我爸在工地被欠工资，我想找电视台曝光，这样合法吗")]
    [InlineData("我想注册的公司名跟人家已经登记过的一模一样，这样能批下来不")]
    [InlineData("总包和分包为工程款扯皮，就拿这个当理由不给我们发工资，可以这样吗")]
    [InlineData("劳动监察查实以后，老板补的工资是直接打到我卡上，还是先打给劳动监察再转给我")]
    public void AsksAbout_QuestionAboutTheTask_IsTrue(string text) => Assert.True(TaskQuestionCue.AsksAbout(text));

    [Theory]
    [InlineData("我要提取公积金")]
    [InlineData("帮我报职业伤害")]
    [InlineData("我要办社保转移")]
    [InlineData("我想把公积金提出来")]
    [InlineData("查询办件进度")]
    [InlineData("老板拖欠我三个月工资，我要投诉")]
    [InlineData("都两个月没发工资了，我要投诉")]
    [InlineData("我想在网上提公积金")]
    [InlineData("在你这帮我转社保")]
    [InlineData("给我查一下办件进度")]
    [InlineData("小区门口路灯坏了好几天了，我要打12345反映一下")]
    [InlineData("你给我把公积金提出来")]
    [InlineData("帮我们登记一下欠薪")]
    [InlineData("我想提公积金，行吗")]
    [InlineData("老板欠了我两个月工资，我想投诉，怎么弄")]
    [InlineData("我要投诉欠薪，你能帮我吗")]
    [InlineData("我想报工伤 网上能办不")]
    public void AsksAbout_RequestToDoIt_IsFalse(string text) => Assert.False(TaskQuestionCue.AsksAbout(text));

    [Theory]
    [InlineData("上个月就投诉了欠薪")]
    [InlineData("老板欠了我两个月工资 我已经投诉过了")]
    [InlineData("我申报了职业伤害")]
    [InlineData("打过12345反映噪音扰民")]
    [InlineData("公积金提取的申请交了 拿到个编号")]
    [InlineData("前天打12345反映工地晚上十一点多还在施工")]
    [InlineData("上个月在这报了欠薪投诉")]
    [InlineData("I reported a broken streetlight on my road to 12345 on Monday.")]
    [InlineData("I filed a 12345 complaint about the rubbish bins near my shop.")]
    public void AsksAbout_SaysItWasDoneAlready_IsTrue(string text) => Assert.True(TaskQuestionCue.AsksAbout(text));

    [Theory]
    [InlineData("我投诉过了没人管 我要再投诉一次")]
    [InlineData("你可以帮我报职业伤害吗")]
    public void AsksAbout_RequestAfterSomethingDoneOrAskedPolitely_IsFalse(string text) => Assert.False(TaskQuestionCue.AsksAbout(text));
}
