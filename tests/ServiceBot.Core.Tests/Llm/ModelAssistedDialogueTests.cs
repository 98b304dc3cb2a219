using ServiceBot.Conversation;
using ServiceBot.Core.Tests.Conversation;
using ServiceBot.Llm;
using static ServiceBot.Core.Tests.Llm.LlmTestSupport;

namespace ServiceBot.Core.Tests.Llm;

/// <summary>The engine with a model's second opinion: the model proposes, the offline validators and the confirmation dispose.</summary>
public sealed class ModelAssistedDialogueTests(EngineFixture fixture) : IClassFixture<EngineFixture>
{
    // Capital numerals: the offline engine reads digit-by-digit speech (一三零…) itself, but not these.
    private const string SpokenId = "我要提取公积金，租房用，身份证号我念一下：壹叁零肆零贰壹玖玖零零叁零柒肆伍壹零";

    private EngineHarness Bot(TestChatClient chat, ConversationOptions? options = null)
        => new(fixture, options: options,
            interpreter: new FallbackUtteranceInterpreter(new ModelUtteranceInterpreter(chat, Prompts, TimeProvider.System)));

    [Fact]
    public async Task StartAsync_ModelReadsSpokenId_SlotFilledAfterOfflineValidation()
    {
        var bot = Bot(TestChatClient.Replying("""{"task":"fund_withdrawal","slots":{"id_number":"130402199003074510","reason":"租房"}}"""));

        var reply = await bot.Say(SpokenId);

        Assert.Equal("130402199003074510", reply.Task!.Slots["id_number"]);
        Assert.Equal("rent", reply.Task.Slots["reason"]);
        Assert.Empty(bot.Backend.Calls);
    }

    [Fact]
    public async Task StartAsync_ModelProposesBadId_ValidatorRejectsItAndAsksAgain()
    {
        var bot = Bot(TestChatClient.Replying("""{"task":"fund_withdrawal","slots":{"id_number":"130402199003074511"}}"""));

        var reply = await bot.Say(SpokenId);

        Assert.False(reply.Task!.Slots.ContainsKey("id_number"));
        Assert.Contains("身份证号未通过校验", reply.Markdown);
        Assert.Contains("id_number", reply.Task.Missing);
    }

    [Fact]
    public async Task StartAsync_OfflineFoundEverything_ModelNotAsked()
    {
        var chat = TestChatClient.Replying("""{"task":null,"slots":{}}""");
        var bot = Bot(chat);

        var reply = await bot.Say("我要提取公积金，身份证130402199003074510，租房，提取3000元，银行卡6217001234567890122");

        Assert.Equal("confirming", reply.Task!.State);
        Assert.Empty(chat.Requests);
    }

    [Fact]
    public async Task StartAsync_ModelValueNeverOverridesUsersOwnWords()
    {
        var bot = Bot(TestChatClient.Replying("""{"task":"fund_withdrawal","slots":{"amount":"9999"}}"""));

        var reply = await bot.Say("我要提取公积金，提取3000元");

        Assert.Equal("3000", reply.Task!.Slots["amount"]);
    }

    [Fact]
    public async Task CollectingAsync_FreeFormAnswer_ModelFillsSeveralSlots()
    {
        var chat = TestChatClient.Replying("""{"task":"wage_complaint","slots":{"employer":"快跑科技有限公司"}}""");
        var bot = Bot(chat);
        await bot.Say("我要投诉欠薪");

        var reply = await bot.Say("就是那家叫快跑科技有限公司的，老板一直拖着");

        Assert.Equal("快跑科技有限公司", reply.Task!.Slots["employer"]);
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("{\"task\": 42, \"slots\": \"x\"}")]
    public async Task StartAsync_ModelAnswersJunk_SameAsOfflineEngine(string junk)
    {
        var offline = new EngineHarness(fixture);
        var bot = Bot(TestChatClient.Replying(junk));

        var expected = await offline.Say(SpokenId);
        var reply = await bot.Say(SpokenId);

        Assert.Equal(expected.Markdown, reply.Markdown);
        Assert.Equal(expected.Task!.Slots, reply.Task!.Slots);
    }

    [Fact]
    public async Task RouteAsync_OfflineUnsure_ModelNamesTask_FormOpensWithoutSubmitting()
    {
        var chat = TestChatClient.Replying("""{"task":"wage_complaint","slots":{"employer":"快跑科技"}}""");
        var bot = Bot(chat, new ConversationOptions { MinIntentConfidence = 1.01 });

        var reply = await bot.Say("快跑科技那边的钱到现在都没给我");

        Assert.Equal(("wage_complaint", "collecting"), (reply.Task!.Name, reply.Task.State));
        Assert.Equal("快跑科技", reply.Task.Slots["employer"]);
        Assert.Single(chat.Requests);
        Assert.Empty(bot.Backend.Calls);
    }
}
