using ServiceBot.Answers;
using ServiceBot.Conversation;
using ServiceBot.Understanding.Intents;

namespace ServiceBot.Core.Tests.Conversation;

/// <summary>
/// The classifier calls a question out of scope from its wording alone; a Chinese one is still put to the knowledge, whose
/// refusal decides, and so is an English one whose words the lexicon reads; any other English one keeps the classifier's call.
/// </summary>
public sealed class OutOfScopeRoutingTests(EngineFixture fixture) : IClassFixture<EngineFixture>
{
    private const string WorldCupGoods = "世界杯的周边义乌也做吗";
    private const string LicenceWait = "once i book the appointment how many days till i get the business licence?";

    [Fact]
    public void Classifier_WorldCupGoodsQuestion_IsConfidentlyOutOfScope()
    {
        var prediction = fixture.Intents.Classify(WorldCupGoods);

        Assert.Equal(IntentNames.OutOfScope, prediction.Intent);
        Assert.True(prediction.Confidence >= new ConversationOptions().MinIntentConfidence, $"confidence {prediction.Confidence}");
    }

    [Fact]
    public async Task HandleAsync_ChineseOutOfScopeWordingTheKnowledgeAnswers_KeepsTheGroundedAnswer()
    {
        var asked = new List<string>();
        var bot = new EngineHarness(fixture, answerer: Answerer(asked, grounded: true));

        var reply = await bot.Say(WorldCupGoods);

        Assert.Equal([WorldCupGoods], asked);
        Assert.Equal("因时因势应对变局", Assert.Single(reply.Citations).Section);
        Assert.Contains("世界杯周边", reply.Markdown);
    }

    [Fact]
    public async Task HandleAsync_ChineseOutOfScopeTheKnowledgeRefuses_GetsTheShortOutOfScopeReply()
    {
        var asked = new List<string>();
        var bot = new EngineHarness(fixture, answerer: Answerer(asked, grounded: false));

        var reply = await bot.Say("今天天气怎么样");

        Assert.Single(asked);
        Assert.Empty(reply.Citations);
        Assert.Contains("超出了我的服务范围", reply.Markdown);
        Assert.DoesNotContain("知识库中没有找到", reply.Markdown);
    }

    [Fact]
    public async Task HandleAsync_EnglishOutOfScopeWordingTheLexiconReads_AsksTheKnowledge()
    {
        var prediction = fixture.Intents.Classify(LicenceWait);
        var asked = new List<string>();
        var bot = new EngineHarness(fixture, answerer: Answerer(asked, grounded: true));

        var reply = await bot.Say(LicenceWait);

        Assert.Equal(IntentNames.OutOfScope, prediction.Intent); // the router alone would refuse it
        Assert.Single(asked);
        Assert.NotEmpty(reply.Citations);
    }

    [Fact]
    public async Task HandleAsync_EnglishOutOfScope_NeverAsksTheKnowledge()
    {
        var asked = new List<string>();
        var bot = new EngineHarness(fixture, answerer: Answerer(asked, grounded: true));

        var reply = await bot.Say("What's the weather in Yiwu tomorrow?");

        Assert.Empty(asked);
        Assert.Empty(reply.Citations);
    }

    private static DelegateKnowledgeAnswerer Answerer(List<string> asked, bool grounded) => new(question =>
    {
        asked.Add(question);
        return grounded
            ? new Answer("义乌商户早早开始设计世界杯周边。", true,
                [new Citation("敢为人先 与时俱进", "因时因势应对变局", "每年向全球100多个国家和地区出口超2万种圣诞用品，占全球市场的近80%。")], false)
            : new Answer("抱歉，知识库中没有找到能回答这个问题的政策或法规依据。", false, [], false);
    });
}
