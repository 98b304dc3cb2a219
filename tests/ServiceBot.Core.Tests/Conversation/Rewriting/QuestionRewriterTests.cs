using Microsoft.Extensions.Options;
using ServiceBot.Conversation;
using ServiceBot.Conversation.Rewriting;
using ServiceBot.Core.Tests.Knowledge;
using ServiceBot.Hosting;
using ServiceBot.Ingestion;
using ServiceBot.Knowledge;
using ServiceBot.Text;
using ServiceBot.Understanding.Intents;

namespace ServiceBot.Core.Tests.Conversation.Rewriting;

/// <summary>The rewriter over a real ingested knowledge folder whose dictionary it reads through the index.</summary>
public sealed class QuestionRewriterTests : IDisposable
{
    private const string Title = "社会保险经办办法";

    private readonly TempFolder _knowledge = new();
    private readonly TempFolder _index = new();
    private readonly KnowledgeBaseProvider _provider;
    private readonly QuestionRewriter _rewriter;

    public QuestionRewriterTests()
    {
        // The documents use the ordinary words the follow-ups below name (外地, 休息日, 过的): a follow-up naming a word no document uses carries nothing.
        _knowledge.Write("dictionary/terms.txt", "社保 2000 n\n社会保险 3000 n\n住房公积金 3000 n\n加班费 2000 n\n驿站 2000 n\n");
        _knowledge.Write("dictionary/synonyms.txt", "社会保险,社保\n户籍,户口\n休息日,周末\n彩礼,聘礼\n");
        _knowledge.Write("dictionary/lay-terms.txt", "被辞退,被开除 => 经济补偿\n要多久,多长时间 => 办理时限\n");
        _knowledge.Write("guides/fund-withdrawal.md",
            "---\ntitle: 住房公积金提取办事指南\ndate: 2025-01-01\ntype: guide\n---\n\n# 住房公积金提取办事指南\n\n## 办理条件\n\n买房自住的，可以提取住房公积金。\n\n## 办理时限\n\n3日内作出决定。\n");
        _knowledge.Write("guides/station-finder.md",
            "---\ntitle: 骑手驿站查询办事指南\ndate: 2025-01-01\ntype: guide\n---\n\n# 骑手驿站查询办事指南\n\n## 驿站什么时候开放？\n\n多数站点8:00至20:00开放，部分站点全天开放。\n\n<!-- 相似问法\n- 驿站晚上几点关门\n-->\n");
        _knowledge.Write("policies/insurance.md",
            $"---\ntitle: {Title}\ndate: 2025-01-01\ntype: policy\n---\n\n# {Title}\n\n## 一、缴费\n\n(一)灵活就业人员可以在户籍地或者常住地参加社会保险，在外地就业的也可以。社保断缴过的，已缴部分仍然有效。\n\n(二)休息日安排加班的，支付加班费。\n");
        var pipeline = new IngestionPipeline(Options.Create(new KnowledgeOptions { Paths = [_knowledge.Path] }), Options.Create(new IndexOptions { Path = _index.Path }));
        _provider = new KnowledgeBaseProvider(pipeline, Options.Create(new IndexOptions { Path = _index.Path }));
        _rewriter = new QuestionRewriter(_provider);
    }

    [Fact]
    public async Task CorrectAsync_HomophoneOfIndexedTerm_ReportsTheCorrection()
    {
        var corrected = await _rewriter.CorrectAsync("设保咋交", formOpen: false, CancellationToken.None);

        Assert.Equal("社保咋交", corrected.Text);
        Assert.Equal("设保", Assert.Single(corrected.Corrections).Typed);
    }

    [Fact]
    public async Task CorrectAsync_EnglishShorthand_IsReadBeforeRouting()
        => Assert.Equal("what's the time limit, can you tell me",
            (await _rewriter.CorrectAsync("whats the time limit, can u tell me", formOpen: false, CancellationToken.None)).Text);

    [Fact]
    public async Task CorrectAsync_WhileAFormIsOpen_KeepsEnglishAsTyped()
        // A value given to a form (a company name) is taken as typed.
        => Assert.False((await _rewriter.CorrectAsync("Wat U Trading Co", formOpen: true, CancellationToken.None)).IsChanged);

    [Fact]
    public async Task ResolveFollowUpAsync_AfterAnsweredQuestion_RestoresTopicAndCitedDocument()
    {
        var conversation = Conversation(("设保咋交", $"根据《{Title}》一、(一)：……"));

        var followUp = await _rewriter.ResolveFollowUpAsync(conversation, "那外地户口呢？", CancellationToken.None);
        var document = await _rewriter.ResolveFollowUpAsync(conversation, "这个文件是哪年的", CancellationToken.None);

        Assert.Equal("社保咋交 那外地户口呢？", followUp.Text);
        Assert.Equal($"《{Title}》是哪年的", document.Text);
    }

    [Theory]
    [InlineData("那彩礼呢？")]
    [InlineData("那彩礼一般给多少")]
    [InlineData("那医美整坏了呢")]
    public async Task ResolveFollowUpAsync_FragmentNamingAWordNoDocumentUses_KeepsItsOwnWords(string message)
    {
        var conversation = Conversation(("设保咋交", $"根据《{Title}》一、(一)：……"));

        var followUp = await _rewriter.ResolveFollowUpAsync(conversation, message, CancellationToken.None);

        Assert.False(followUp.IsResolved);
        Assert.Equal(message, followUp.Text);
    }

    [Fact]
    public async Task ResolveFollowUpAsync_FragmentNamingAThingNoClauseSaysBesideTheTopic_KeepsItsOwnWords()
    {
        // 买房 is a word of the documents, but only the fund guide's: nothing about social insurance speaks of it.
        var conversation = Conversation(("社保咋交", $"根据《{Title}》一、(一)：……"));

        var followUp = await _rewriter.ResolveFollowUpAsync(conversation, "那买房呢", CancellationToken.None);

        Assert.False(followUp.IsResolved);
        Assert.Equal("那买房呢", followUp.Text);
    }

    [Fact]
    public async Task ResolveFollowUpAsync_FragmentNamingAThingTheTopicsClausesHold_CarriesTheTopic()
    {
        var afterFund = Conversation(("住房公积金能取吗", "根据《住房公积金提取办事指南》：……"));
        var afterInsurance = Conversation(("社保咋交", $"根据《{Title}》一、(一)：……"));

        var buyingAHome = await _rewriter.ResolveFollowUpAsync(afterFund, "那买房呢", CancellationToken.None);
        var anotherPlace = await _rewriter.ResolveFollowUpAsync(afterInsurance, "那外地户口呢", CancellationToken.None);

        Assert.Equal("住房公积金能取吗 那买房呢", buyingAHome.Text);
        Assert.Equal("社保咋交 那外地户口呢", anotherPlace.Text);
    }

    [Fact]
    public async Task ResolveFollowUpAsync_SegmentCutThroughAWordTheDocumentsUse_StillCarriesTheTopic()
    {
        var conversation = Conversation(("社保咋交", $"根据《{Title}》一、(一)：……"));

        var followUp = await _rewriter.ResolveFollowUpAsync(conversation, "那断缴过的呢", CancellationToken.None);

        Assert.Equal("社保咋交 那断缴过的呢", followUp.Text);
    }

    [Fact]
    public async Task ResolveFollowUpAsync_OwnQuestionAfterLayPhrase_CarriesTheLayTopicNotTheAskingPhrase()
    {
        var conversation = Conversation(("被辞退有补偿吗", "……"), ("多长时间能拿到", "……"));

        var followUp = await _rewriter.ResolveFollowUpAsync(conversation, "那能给多少", CancellationToken.None);

        Assert.Equal("被辞退 那能给多少", followUp.Text);
    }

    [Fact]
    public async Task ResolveFollowUpAsync_OwnQuestionNamingAnotherGuidesService_SwitchesTopic()
    {
        var conversation = Conversation(("社保咋交", $"根据《{Title}》一、(一)：……"));

        var followUp = await _rewriter.ResolveFollowUpAsync(conversation, "那住房公积金要多久", CancellationToken.None);

        Assert.False(followUp.IsResolved);
        Assert.Equal("那住房公积金要多久", followUp.Text);
    }

    [Fact]
    public async Task ResolveFollowUpAsync_ShortFollowUpTheClassifierCallsSmallTalk_IsResolvedOnlyWhenItNamesAKnownWord()
    {
        var intents = IntentClassifier.CreateDefault(new ChineseAnalyzer());
        var rewriter = new QuestionRewriter(_provider, intents);
        var conversation = Conversation(("加班费怎么算", "……"));

        var weekend = await rewriter.ResolveFollowUpAsync(conversation, "周末呢", CancellationToken.None);
        var weather = await rewriter.ResolveFollowUpAsync(conversation, "那明天会下雨吗", CancellationToken.None);

        Assert.Equal(IntentNames.OutOfScope, intents.Classify("周末呢").Intent);
        Assert.Equal("加班费怎么算 周末呢", weekend.Text);
        Assert.False(weather.IsResolved);
    }

    [Fact]
    public async Task ResolveFollowUpAsync_YesNoVerbInMidMessage_AsksAndLeansOnTheTopic()
    {
        var intents = IntentClassifier.CreateDefault(new ChineseAnalyzer());
        var rewriter = new QuestionRewriter(_provider, intents);
        var conversation = Conversation(("附近有骑手驿站吗", "……"));

        // 开不开 asks though no question mark or final particle says so; 晚上 is no domain word, so the station is carried over.
        var evening = await rewriter.ResolveFollowUpAsync(conversation, "那晚上呢 开不开", CancellationToken.None);
        var weather = await rewriter.ResolveFollowUpAsync(conversation, "那明天下不下雨", CancellationToken.None);

        Assert.True(evening.IsResolved);
        Assert.Contains("驿站", evening.Text);
        Assert.False(weather.IsResolved);
    }

    [Fact]
    public async Task ResolveFollowUpAsync_FormOpen_LeavesTheAnswerToTheForm()
    {
        var conversation = Conversation(("我要转社保", "请问您的身份证号码是？"));
        conversation.Task = new TaskInstance { Id = "t1", Name = "insurance_transfer" };

        var followUp = await _rewriter.ResolveFollowUpAsync(conversation, "那个呢", CancellationToken.None);

        Assert.False(followUp.IsResolved);
    }

    [Fact]
    public async Task FocusAsync_LongMessage_AsksWithTheIndexedDomainWordsOfItsStory()
    {
        const string message = "我在外地跑了三年外卖，老家那边的社保一直是家里人帮我交的，今年家里人说交不动了，想问问在常住地能不能接着交";

        var focus = await _rewriter.FocusAsync(Conversation(), message, CancellationToken.None);

        Assert.Equal("社保 在常住地能不能接着交", focus);
    }

    [Fact]
    public async Task FocusAsync_StoryWordFewClausesUse_IsCarriedButACommonOneIsNot()
    {
        // 晚上 only a taught question uses; 外地 a clause of this small base does, which makes it common here.
        const string message = "我在外地跑了三年外卖，晚上收工都很晚，老家那边的社保一直是家里人帮我交的，今年家里人说交不动了，想问问在常住地能不能接着交";

        var focus = await _rewriter.FocusAsync(Conversation(), message, CancellationToken.None);

        Assert.Equal("社保 晚上 在常住地能不能接着交", focus);
    }

    [Fact]
    public async Task FocusAsync_FormOpen_LeavesTheMessageToTheForm()
    {
        const string message = "我在外地跑了三年外卖，老家那边的社保一直是家里人帮我交的，今年家里人说交不动了，想问问在常住地能不能接着交";
        var conversation = Conversation(("我要转社保", "请问您的身份证号码是？"));
        conversation.Task = new TaskInstance { Id = "t1", Name = "insurance_transfer" };

        Assert.Equal(message, await _rewriter.FocusAsync(conversation, message, CancellationToken.None));
    }

    [Fact]
    public async Task ResolveFollowUpAsync_StoryThenQuestion_ReadAsOneMessageStoryFirst()
    {
        var conversation = Conversation(("我在外地跑了三年外卖 社保一直是自己交的", "抱歉，知识库中没有找到能直接回答这个问题的政策或法规依据。"));

        var followUp = await _rewriter.ResolveFollowUpAsync(conversation, "现在回老家了 以前交的还算数不", CancellationToken.None);
        var caseOfItsOwn = await _rewriter.ResolveFollowUpAsync(conversation, "那要是断缴过的呢 还算数不", CancellationToken.None);

        Assert.Equal("我在外地跑了三年外卖 社保一直是自己交的，现在回老家了 以前交的还算数不", followUp.Text);
        Assert.DoesNotContain("跑了三年外卖", caseOfItsOwn.Text);
    }

    [Fact]
    public async Task ResolveFollowUpAsync_SmallTalkAfterAStory_KeepsItsOwnWords()
    {
        var intents = IntentClassifier.CreateDefault(new ChineseAnalyzer());
        var rewriter = new QuestionRewriter(_provider, intents);
        var conversation = Conversation(("我在外地跑了三年外卖 社保一直是自己交的", "……"));

        var weather = await rewriter.ResolveFollowUpAsync(conversation, "明天会下雨吗", CancellationToken.None);

        Assert.Equal(IntentNames.OutOfScope, intents.Classify("明天会下雨吗").Intent);
        Assert.Equal("明天会下雨吗", weather.Text);
    }

    [Fact]
    public async Task ResolveFollowUpAsync_QuestionOrRequestBefore_IsNoStory()
    {
        var afterQuestion = Conversation(("灵活就业人员能在外地交社保吗", "根据《社会保险经办办法》一、(一)：……"));
        var afterRequest = Conversation(("帮我查一下附近的驿站在哪里呀", "好的。"));

        var first = await _rewriter.ResolveFollowUpAsync(afterQuestion, "回老家以后以前交的还算数不", CancellationToken.None);
        var second = await _rewriter.ResolveFollowUpAsync(afterRequest, "周末开门吗 有热水没", CancellationToken.None);

        Assert.DoesNotContain("能在外地交社保吗，", first.Text);
        Assert.DoesNotContain("驿站在哪里", second.Text);
    }

    private static ConversationState Conversation(params (string User, string Bot)[] turns)
    {
        var conversation = new ConversationState { ConversationId = "c1", UserId = "u1", Channel = "test" };
        foreach (var (user, bot) in turns) conversation.Remember(user, bot, DateTimeOffset.UnixEpoch);
        return conversation;
    }

    public void Dispose()
    {
        _provider.Dispose();
        _knowledge.Dispose();
        _index.Dispose();
    }
}
