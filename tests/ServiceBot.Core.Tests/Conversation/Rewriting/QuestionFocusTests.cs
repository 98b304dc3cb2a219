using ServiceBot.Conversation.Rewriting;

namespace ServiceBot.Core.Tests.Conversation.Rewriting;

public class QuestionFocusTests
{
    private static readonly QuestionFocus Focus = new(["社保", "社会保险", "灵活就业", "公积金", "住房公积金", "工伤", "职业伤害", "平台"]);

    [Fact]
    public void Of_StoryThenQuestion_KeepsTheQuestionAndTheStorysDomainWords()
    {
        var focus = Focus.Of("我在郑州送了三年外卖了，之前在老家厂里上班交了四年社保，现在这边按灵活就业自己交着，"
                             + "上个月我妈打电话让我问清楚，就想知道以前厂里交的那几年到这边还算不算数");

        Assert.Equal("社保 灵活就业 以前厂里交的那几年到这边还算不算数", focus);
    }

    [Fact]
    public void Of_StoryInLayWords_CarriesTheLayWordsButNotOnesThatAsk()
    {
        var focus = new QuestionFocus(["社保", "公积金"], ["乙肝", "连轴转", "多久"])
            .Of("去年体检查出来是乙肝 等了多久也没症状 前两天去快递公司面试都谈好了 结果HR打电话说不能要 这样直接不要我是不是歧视");

        Assert.Equal("乙肝 这样直接不要我是不是歧视", focus);
    }

    [Fact]
    public void Of_StoryNamesItsCaseInSpecificWords_CarriesTheTwoNearestTheQuestion()
    {
        var specific = new[] { "超市", "收银员", "怀孕", "店长" };
        var focus = new QuestionFocus(["社保"], specificWords: text => specific.Where(text.Contains).ToList())
            .Of("我老婆在超市当收银员 怀孕五个月了 店长前两天找她谈话说下个月起就不用来了 这样能行吗");

        // 店长 is in the question already; 超市 is farthest from it.
        Assert.Equal("收银员 怀孕 店长前两天找她谈话说下个月起就不用来了，这样能行吗", focus);
    }

    [Fact]
    public void Of_ShortQuestionClause_TakesTheClauseBeforeIt()
    {
        var focus = Focus.Of("我以前在厂里上班交了三年社保，后来辞职出来跑外卖了，最近单少了想歇一阵子，听说失业了可以领钱，这种情况能不能领");

        Assert.Equal("社保 听说失业了可以领钱，这种情况能不能领", focus);
    }

    [Fact]
    public void Of_DomainWordTheQuestionAlreadyNames_IsNotRepeated()
    {
        var focus = Focus.Of("我在深圳租的城中村，一个月房租一千八，以前厂里给交过公积金，账户里还有一万来块一直没动，租房能不能把公积金取出来");

        Assert.Equal("租房能不能把公积金取出来", focus);
    }

    [Fact]
    public void Of_AnyYesNoPairAndMeasuringDuoshao_AskingClauseIsTheYesNoPair()
    {
        var focus = Focus.Of("我哥开网约车的，平台一单抽走快三成，跑一天下来除去油钱充电钱根本剩不了多少，他让我帮他问问，平台抽成这么高国家管不管");

        Assert.Equal("平台抽成这么高国家管不管", focus);
    }

    [Fact]
    public void Of_QuestionInAFrame_LeavesTheFrameOut()
    {
        var focus = Focus.Of("我在一家公司做带货主播，公司每天让我直播十个小时以上，周末也不让休息，说是行业惯例，我就想问问法律上一天工作时间到底最长能让干多久");

        Assert.Equal("法律上一天工作时间最长能让干多久", focus);
    }

    [Theory]
    [InlineData("骑手摔伤了工伤认定找谁办理")]
    [InlineData("我在郑州送了三年外卖，之前在老家厂里上班交了四年社保，现在这边按灵活就业自己交着，我要把社保转过来")]
    [InlineData("I have been delivering food in Zhengzhou for three years, can my social insurance move with me?")]
    public void Of_ShortMessageOrNoQuestionOrNotChinese_IsLeftAlone(string message)
        => Assert.Equal(message, Focus.Of(message));

    [Fact]
    public void Of_CountInTheStory_IsNoQuestion()
    {
        // 十几个人 counts people; the question is the last clause.
        var focus = Focus.Of("我们网点老板跑路了，我们十几个人三个月的工资都没发，平台说跟他们没关系，这种情况我们能去投诉吗");

        Assert.Equal("平台 这种情况我们能去投诉吗", focus);
    }

    [Fact]
    public void Of_VoiceInputWithoutPunctuation_BreaksAtRanhouAndDropsFillers()
    {
        var focus = Focus.Of("喂那个就是我想问一下啊就是我那个社保然后之前在广州交的然后现在来佛山了然后那个社保咋转过来啊需要去哪里办");

        Assert.Equal("社保咋转过来啊需要去哪里办", focus);
    }

    [Fact]
    public void Split_TwoTopicsJoinedBySideQuestionCue_ReturnsEachQuestionWithoutTheCue()
    {
        var questions = Focus.Split("社保怎么转到另一个城市 顺便问下公积金租房能不能取");

        Assert.Equal(["社保怎么转到另一个城市", "公积金租房能不能取"], questions);
    }

    [Fact]
    public void Split_StoryThenTwoQuestionsAfterAQuestionMark_LeavesTheStoryOut()
    {
        var questions = Focus.Split("我以前在工厂上班交了社保和公积金，辞职以后出来开网约车断了大半年，现在换城市了，社保断缴了还能转不？公积金离职后多久能提");

        Assert.Equal(["社保断缴了还能转不", "公积金离职后多久能提"], questions);
    }

    [Fact]
    public void Split_SecondQuestionWithoutItsOwnTopic_IsOneQuestion()
    {
        var questions = Focus.Split("公积金租房能提吗？一个月最多提多少");

        Assert.Equal(["公积金租房能提吗？一个月最多提多少"], questions);
    }

    [Fact]
    public void Split_TwoTopicsWithNoMarkBetween_IsTheFocusedLastQuestion()
    {
        const string message = "我在工厂交了几年社保，现在出来跑外卖了，平台给不给交公积金我也不清楚，这种情况公积金到底能不能自己交";

        Assert.Equal([Focus.Of(message)], Focus.Split(message));
    }
}
