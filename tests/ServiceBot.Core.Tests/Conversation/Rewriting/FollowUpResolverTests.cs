using ServiceBot.Conversation.Rewriting;

namespace ServiceBot.Core.Tests.Conversation.Rewriting;

public class FollowUpResolverTests
{
    private const string Opinion = "关于加强新就业群体服务管理的意见";

    private static readonly string[] Terms = ["社会保险", "社保", "住房公积金", "公积金", "工伤认定", "户口", "骑手", "平台", "抽成", "灵活就业"];

    private static readonly FollowUpResolver Resolver = new(Terms);

    private static readonly FollowUpResolver ServiceResolver = new(Terms, serviceNames: ["住房公积金提取办事指南", "社保转移办事指南"]);

    [Theory]
    [InlineData("那外地户口呢？")]
    [InlineData("还有吗")]
    [InlineData("那个呢")]
    [InlineData("那公积金呢？")]
    public void Resolve_FollowUpWithoutAQuestionOfItsOwn_PrependsTheEarlierQuestion(string message)
    {
        var followUp = Resolver.Resolve(message, ["你好", "社保转移要带啥材料"], lastCitedSource: null);

        Assert.True(followUp.IsResolved);
        Assert.Equal("社保转移要带啥材料 " + message, followUp.Text);
    }

    [Theory]
    [InlineData("那要多久")]
    [InlineData("要带啥")]
    [InlineData("收费不")]
    [InlineData("一个月最多能提多少")]
    [InlineData("家里人能替我报吗")]
    public void Resolve_FollowUpWithAQuestionOfItsOwn_PrependsOnlyTheEarlierTopic(string message)
    {
        var followUp = Resolver.Resolve(message, ["你好", "骑手社保转移要带啥材料"], lastCitedSource: null);

        Assert.True(followUp.IsResolved);
        Assert.Equal("骑手 社保 " + message, followUp.Text);
    }

    [Fact]
    public void Resolve_ChainOfFollowUps_GoesBackToTheQuestionThatNamedTheTopic()
    {
        var followUp = Resolver.Resolve("那要多久", ["社保咋交", "那外地户口呢"], lastCitedSource: null);

        Assert.Equal("社保 那要多久", followUp.Text);
    }

    [Fact]
    public void Resolve_EarlierRequestForAForm_RestoresTheTopicNotTheRequest()
        => Assert.Equal("公积金提取 那外地户口呢", Resolver.Resolve("那外地户口呢", ["我要办公积金提取"], null).Text);

    [Fact]
    public void Resolve_QuestionNamingAnotherService_SwitchesTopic()
    {
        var followUp = ServiceResolver.Resolve("那公积金提取要多久", ["社保转移要多久"], lastCitedSource: null);

        Assert.False(followUp.IsResolved);
        Assert.Equal("那公积金提取要多久", followUp.Text);
    }

    [Theory]
    [InlineData("那灵活就业的能交吗", "住房公积金 骑手 那灵活就业的能交吗")]
    [InlineData("那社保也能一起转吗", "住房公积金 骑手 那社保也能一起转吗")]
    public void Resolve_QuestionAboutWhoAsksOrAddingToTheTopic_KeepsTheTopic(string message, string expected)
        => Assert.Equal(expected, ServiceResolver.Resolve(message, ["住房公积金骑手能提取吗"], null).Text);

    [Fact]
    public void Resolve_FragmentNamingAWordTheKnowledgeLacks_CarriesNothing()
    {
        var resolver = new FollowUpResolver(Terms, namesUnknownWord: message => message.Contains("驾照", StringComparison.Ordinal));

        var switched = resolver.Resolve("那驾照呢？", ["社保转移要带啥材料"], lastCitedSource: null);
        var sameTopic = resolver.Resolve("那外地户口呢？", ["社保转移要带啥材料"], lastCitedSource: null);

        Assert.False(switched.IsResolved);
        Assert.Equal("那驾照呢？", switched.Text);
        Assert.Equal("社保转移要带啥材料 那外地户口呢？", sameTopic.Text);
    }

    [Fact]
    public void Resolve_MessageNamingOnlyALayPhrase_StillLeansOnTheEarlierTopic()
    {
        var resolver = new FollowUpResolver(Terms, layPhrases: ["替我", "被辞退"]);

        Assert.Equal("骑手 家里人能替我报吗", resolver.Resolve("家里人能替我报吗", ["骑手受伤了怎么申报"], null).Text);
        Assert.Equal("被辞退 那能给多少", resolver.Resolve("那能给多少", ["被辞退有补偿吗"], null).Text);
    }

    [Fact]
    public void Resolve_QuestionOfItsOwnWithoutACase_KeepsTheCaseTheEarlierQuestionNamed()
    {
        var resolver = new FollowUpResolver(Terms, caseWords: CaseWords);

        Assert.Equal("公积金 租房 一个月最多能提多少", resolver.Resolve("一个月最多能提多少", ["公积金租房能提吗"], null).Text);
        // A follow-up naming a case of its own asks about that case, not the earlier one.
        Assert.Equal("公积金 那买房能提多少", resolver.Resolve("那买房能提多少", ["公积金租房能提吗"], null).Text);
    }

    private static IReadOnlyList<string> CaseWords(string message) => new[] { "租房", "买房" }.Where(message.Contains).ToList();

    [Fact]
    public void Resolve_AskingPhraseOfEarlierQuestion_IsNoTopic()
    {
        var resolver = new FollowUpResolver(["社保"], layPhrases: ["多长时间"]);

        var followUp = resolver.Resolve("收费不", ["社保转移要准备什么", "转移要多长时间"], lastCitedSource: null);

        Assert.Equal("社保 收费不", followUp.Text);
    }

    [Fact]
    public void Resolve_InsideTheCitedDocument_NamesTheDocument()
        => Assert.Equal($"《{Opinion}》有没有说骑手住的地方", Resolver.Resolve("里面有没有说骑手住的地方", ["那个文件出来了吗"], Opinion).Text);

    [Fact]
    public void Resolve_DocumentReference_NamesTheCitedDocument()
    {
        var followUp = Resolver.Resolve("这个文件说到2027年要达到什么目标？", ["骑手有什么保障"], Opinion);

        Assert.Equal($"《{Opinion}》说到2027年要达到什么目标？", followUp.Text);
        Assert.Equal(Opinion, followUp.Topic);
    }

    [Theory]
    [InlineData("骑手摔伤了工伤认定找谁办理，需要准备哪些材料呢")]
    [InlineData("谢谢")]
    [InlineData("好的")]
    [InlineData("那就办理吧")]
    [InlineData("我想问一下平台抽成太高了有没有人管")]
    public void Resolve_MessageThatStandsOnItsOwn_IsLeftAlone(string message)
    {
        var followUp = Resolver.Resolve(message, ["社保咋交"], Opinion);

        Assert.False(followUp.IsResolved);
        Assert.Equal(message, followUp.Text);
    }

    [Fact]
    public void Resolve_NoEarlierTopic_IsLeftAlone()
        => Assert.False(Resolver.Resolve("那外地户口呢？", ["你好", "谢谢"], null).IsResolved);

    [Theory]
    [InlineData("那外地户口呢", true)]
    [InlineData("还有吗？", true)]
    [InlineData("这个怎么弄", true)]
    [InlineData("快递员也能去吗", true)]
    [InlineData("几点关门", true)]
    [InlineData("一个月最多能提多少", true)]
    [InlineData("社保怎么交", false)]
    [InlineData("确认", false)]
    [InlineData("跑单途中被车撞了，平台不管，我该找哪个部门？", false)]
    public void LeansOnContext_Message_DetectsEllipsis(string message, bool expected)
        => Assert.Equal(expected, Resolver.LeansOnContext(message));

    [Theory]
    [InlineData("我是党员，去年从老家出来到杭州送快递了")]
    [InlineData("我爸在物流园看大门 今年满60了")]
    [InlineData("老板三个月没给我发工资了")]
    [InlineData("我跑外卖三年了，上个月刚换了辆新电动车")]
    public void TellsAStory_SituationWithoutAQuestion_IsTrue(string message) => Assert.True(FollowUpResolver.TellsAStory(message));

    [Theory]
    [InlineData("好的")]
    [InlineData("社保断缴了还能转吗")]
    [InlineData("我要办社保转移 从广州转到义乌")]
    [InlineData("麻烦你查一下我的办件进度")]
    public void TellsAStory_AcknowledgementQuestionOrRequest_IsFalse(string message) => Assert.False(FollowUpResolver.TellsAStory(message));

    [Theory]
    [InlineData("文件里有说老家和这边要配合着管吗", true)]
    [InlineData("那要是合同先到期了呢", false)]
    [InlineData("老板说的", false)]
    public void AsksAbout_QuestionNotOpeningACaseOfItsOwn(string message, bool expected) => Assert.Equal(expected, FollowUpResolver.AsksAbout(message));
}
