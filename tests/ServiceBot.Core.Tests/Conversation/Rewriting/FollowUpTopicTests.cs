using Microsoft.Extensions.Options;
using ServiceBot.Conversation;
using ServiceBot.Conversation.Rewriting;
using ServiceBot.Core.Tests.Knowledge;
using ServiceBot.Hosting;
using ServiceBot.Ingestion;
using ServiceBot.Knowledge;

namespace ServiceBot.Core.Tests.Conversation.Rewriting;

/// <summary>
/// Which topic a follow-up keeps, over a real ingested knowledge folder with a Chinese guide and its English version:
/// English follow-ups and follow-ups in the other language keep the service the conversation is about, and a follow-up
/// naming a thing the topic's clauses never use, one character long or English, keeps only its own words.
/// </summary>
public sealed class FollowUpTopicTests : IDisposable
{
    private const string FundTopic = "Housing Provident Fund Withdrawal";

    private readonly TempFolder _knowledge = new();
    private readonly TempFolder _index = new();
    private readonly KnowledgeBaseProvider _provider;
    private readonly QuestionRewriter _rewriter;

    public FollowUpTopicTests()
    {
        _knowledge.Write("dictionary/terms.txt", "住房公积金 3000 n\n公积金 3000 n\n租房 2000 n\n网约车 2000 n\n社会保险 3000 n\n社保 2000 n\n");
        _knowledge.Write("dictionary/synonyms.txt", "住房公积金,公积金\n社会保险,社保\n");
        _knowledge.Write("dictionary/lay-terms.txt", "能取吗,取出来,取钱 => 提取\n开网约车 => 网约车\n");
        _knowledge.Write("guides/fund-withdrawal.md", Guide("住房公积金提取办事指南（示例）", null,
            ("适用对象和办理条件", "在本市缴存住房公积金的职工，以及骑手、网约车司机等灵活就业人员，租房自住的，可以申请提取。"),
            ("办理时限", "受理后3日内作出决定，提取金额1至3个工作日转入本人银行卡，一般几天就能到账。"),
            ("收费标准", "不收费。")));
        _knowledge.Write("guides/en/fund-withdrawal.md", Guide("Housing Provident Fund Withdrawal Guide (sample)", "住房公积金提取办事指南（示例）",
            ("Who can apply", "Employees who contribute to the housing provident fund can withdraw when renting a home to live in."),
            ("Time limit", "The centre decides within 3 days; the money arrives on your own bank card within 1 to 3 working days."),
            ("Fees", "There is no fee.")));
        _knowledge.Write("guides/insurance-transfer.md", Guide("社会保险关系转移接续办事指南（示例）", null,
            ("办理时限", "转出地和转入地在45个工作日内办结社会保险关系转移。")));
        _knowledge.Write("guides/en/insurance-transfer.md", Guide("Social Insurance Transfer Guide (sample)", "社会保险关系转移接续办事指南（示例）",
            ("Time limit", "The transfer of your social insurance is completed within 45 working days.")));
        var pipeline = new IngestionPipeline(Options.Create(new KnowledgeOptions { Paths = [_knowledge.Path] }), Options.Create(new IndexOptions { Path = _index.Path }));
        _provider = new KnowledgeBaseProvider(pipeline, Options.Create(new IndexOptions { Path = _index.Path }));
        _rewriter = new QuestionRewriter(_provider);
    }

    [Theory]
    [InlineData("Can I withdraw my housing fund to pay rent?", "How long does it take?")]
    [InlineData("Can I withdraw my housing fund to pay rent?", "Is there a fee?")]
    [InlineData("Can I withdraw my housing fund to pay rent?", "What if I lost the bank card?")]
    [InlineData("公积金租房能提吗", "How long does it take?")]
    public async Task ResolveFollowUpAsync_EnglishFollowUp_KeepsTheServiceInEnglish(string earlier, string message)
    {
        var followUp = await _rewriter.ResolveFollowUpAsync(Conversation(earlier), message, CancellationToken.None);

        Assert.Equal(FundTopic, followUp.Topic);
        Assert.Equal(FundTopic + " " + message, followUp.Text);
    }

    [Fact]
    public async Task ResolveFollowUpAsync_EnglishFollowUpAfterALawsAnswer_IsReadWithTheQuestionBefore()
    {
        // "insurance" names the transfer guide, yet the answer came from a law: the question is about unemployment money.
        const string earlier = "How can I get unemployment money? I paid the insurance for 2 years";
        var conversation = Conversation();
        conversation.Remember(earlier, "…… Chinese source: 《中华人民共和国社会保险法》第四十五条", DateTimeOffset.UnixEpoch);

        var followUp = await _rewriter.ResolveFollowUpAsync(conversation, "even if I resigned myself?", CancellationToken.None);
        var smallTalk = await _rewriter.ResolveFollowUpAsync(conversation, "Tell me about the weather in your city", CancellationToken.None);

        Assert.Equal(earlier + " even if I resigned myself?", followUp.Text);
        Assert.Equal(earlier, followUp.Topic);
        Assert.Equal("Tell me about the weather in your city", smallTalk.Text);
    }

    [Fact]
    public async Task ResolveFollowUpAsync_EnglishFollowUpAfterAGuidesAnswer_KeepsTheService()
    {
        var conversation = Conversation();
        conversation.Remember("Can I withdraw my housing fund to pay rent?", "…… Chinese source: 《住房公积金提取办事指南（示例）》适用对象和办理条件",
            DateTimeOffset.UnixEpoch);

        var followUp = await _rewriter.ResolveFollowUpAsync(conversation, "How long does it take?", CancellationToken.None);

        Assert.Equal(FundTopic + " How long does it take?", followUp.Text);
    }

    [Fact]
    public async Task ResolveFollowUpAsync_ChineseFollowUpAfterEnglishQuestion_KeepsTheServiceInChinese()
    {
        var followUp = await _rewriter.ResolveFollowUpAsync(Conversation("Can I withdraw my housing fund to pay rent?"), "那几天能到账",
            CancellationToken.None);

        Assert.True(followUp.IsResolved);
        Assert.Contains("住房公积金", followUp.Text, StringComparison.Ordinal);
        Assert.EndsWith("那几天能到账", followUp.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("What about my driving licence?")]
    [InlineData("What time does the bank open?")]
    [InlineData("How long does a social insurance transfer take?")]
    [InlineData("Tell me about the weather in your city")]
    [InlineData("btw did argentina win last night?")] // argentina: no clause, taught question or lexicon phrase uses it
    public async Task ResolveFollowUpAsync_EnglishMessageNamingSomethingElse_KeepsItsOwnWords(string message)
    {
        var followUp = await _rewriter.ResolveFollowUpAsync(Conversation("Can I withdraw my housing fund to pay rent?"), message, CancellationToken.None);

        Assert.Null(followUp.Topic);
        Assert.Equal(message, followUp.Text);
    }

    [Theory]
    // 车 is only a character of 网约车 in the fund guide, and 狗 is nowhere: neither is what the guide speaks of. The lay
    // phrase 开网约车 ends in 车 too, but inside 网约车, so it does not make 车 a lay word for the guide's 网约车.
    [InlineData("公积金租房能提吗", "那车呢？")]
    [InlineData("公积金租房能提吗", "那狗呢")]
    // 彩礼 and 驾照 are nouns no document uses: a topic of their own.
    [InlineData("社保从外地转回来要准备啥", "那彩礼一般给多少")]
    [InlineData("社保从外地转回来要准备啥", "那驾照呢")]
    public async Task ResolveFollowUpAsync_NounTheTopicsClausesNeverUse_SwitchesTopic(string earlier, string message)
    {
        var followUp = await _rewriter.ResolveFollowUpAsync(Conversation(earlier), message, CancellationToken.None);

        Assert.False(followUp.IsResolved);
        Assert.Equal(message, followUp.Text);
    }

    [Fact]
    public async Task ResolveFollowUpAsync_SubjectNoClauseSpeaksOf_IsMarkedUncovered()
    {
        // Neither the fund guide's clauses nor those the fragment's own words find speak of 狗: whatever answered would be
        // the fund guide again (几天 points at its time limit).
        const string message = "那狗呢 几天能到";
        var followUp = await _rewriter.ResolveFollowUpAsync(Conversation("公积金提取要多久"), message, CancellationToken.None);

        Assert.False(followUp.IsResolved);
        Assert.True(followUp.SubjectUncovered);
        Assert.Equal(message, followUp.Text);
    }

    [Theory]
    [InlineData("那网约车司机呢")]
    [InlineData("那钱呢 几天能到")]
    public async Task ResolveFollowUpAsync_CaseOfTheTopic_KeepsTheTopicAndIsNotUncovered(string message)
    {
        var followUp = await _rewriter.ResolveFollowUpAsync(Conversation("公积金租房能提吗"), message, CancellationToken.None);

        Assert.True(followUp.IsResolved);
        Assert.False(followUp.SubjectUncovered);
    }

    [Theory]
    // 钱 is the lay word of 取钱, which stands for the guide's 提取.
    [InlineData("公积金租房能提吗", "那钱呢 几天能到", "公积金")]
    // 下来 (in 弄下来) says how the asker speaks: unlike 驾照 or 彩礼 it names no topic of its own.
    [InlineData("社保从外地转回来要准备啥", "弄下来得多少天", "社保")]
    public async Task ResolveFollowUpAsync_WordNamingNoTopicOfItsOwn_KeepsTheTopic(string earlier, string message, string topic)
    {
        var followUp = await _rewriter.ResolveFollowUpAsync(Conversation(earlier), message, CancellationToken.None);

        Assert.True(followUp.IsResolved);
        Assert.Contains(topic, followUp.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServiceTopics_EnglishAndChineseQuestions_NameTheSameService()
    {
        var topics = ServiceTopics.Of(await _provider.GetAsync(CancellationToken.None), ["住房公积金", "公积金", "社会保险", "社保"]);

        var english = topics.NamedBy("How do I transfer my social insurance to another city?");
        var chinese = topics.NamedBy("社会保险能转到外地吗");

        Assert.NotNull(english);
        Assert.Same(english, chinese);
        Assert.Equal("社会保险关系转移接续", english.ChineseTopic);
        Assert.Equal("Social Insurance Transfer", english.EnglishTopic);
    }

    [Theory]
    [InlineData("withdraw", "withdrawal", true)]
    [InlineData("register", "registration", true)]
    [InlineData("car", "card", false)]
    [InlineData("transfer", "transport", false)]
    public void SameWord_FormsOfOneWord_MatchAndShortOrDifferentWordsDoNot(string a, string b, bool expected)
        => Assert.Equal(expected, ServiceTopics.SameWord(a, b));

    private static ConversationState Conversation(params string[] questions)
    {
        var conversation = new ConversationState { ConversationId = "c1", UserId = "u1", Channel = "test" };
        foreach (var question in questions) conversation.Remember(question, "……", DateTimeOffset.UnixEpoch);
        return conversation;
    }

    private static string Guide(string title, string? translationOf, params (string Heading, string Text)[] sections)
    {
        var front = $"---\ntitle: {title}\ndate: 2026-11-01\ntype: guide\n" + (translationOf is null ? "" : $"language: en\ntranslation_of: {translationOf}\n") + "---\n\n";
        return front + $"# {title}\n\n" + string.Concat(sections.Select(s => $"## {s.Heading}\n\n{s.Text}\n\n"));
    }

    public void Dispose()
    {
        _provider.Dispose();
        _knowledge.Dispose();
        _index.Dispose();
    }

    [Theory]
    [InlineData("i deliver for keeta in yiwu")]
    [InlineData("last night after my shift ended i crashed my ebike going to buy dinner")]
    public void TellsAStory_EnglishSituationWithoutAQuestion_IsTrue(string message) => Assert.True(ServiceTopics.TellsAStory(message));

    [Theory]
    [InlineData("ok thanks")]                                          // too short to tell anything
    [InlineData("does that count as occupational injury or no")]       // asks
    [InlineData("whats the time limit for the transfer")]              // asks, in shorthand
    [InlineData("i want to withdraw my housing fund for rent")]        // a request
    [InlineData("我在义乌送外卖三年了，上个月换了新车")]                  // Chinese: FollowUpResolver reads it
    public void TellsAStory_EnglishQuestionRequestOrFragment_IsFalse(string message) => Assert.False(ServiceTopics.TellsAStory(message));
}
