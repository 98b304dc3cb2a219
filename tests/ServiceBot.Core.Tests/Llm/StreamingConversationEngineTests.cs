using ServiceBot.Conversation;
using ServiceBot.Core.Tests.Conversation;
using static ServiceBot.Core.Tests.Llm.LlmTestSupport;

namespace ServiceBot.Core.Tests.Llm;

public sealed class StreamingConversationEngineTests(EngineFixture fixture) : IClassFixture<EngineFixture>
{
    private static async Task<List<ReplyUpdate>> Collect(IAsyncEnumerable<ReplyUpdate> updates)
    {
        var list = new List<ReplyUpdate>();
        await foreach (var update in updates) list.Add(update);
        return list;
    }

    [Fact]
    public async Task StreamAsync_GeneratedAnswer_DeltasThenOneCompletedReply()
    {
        var bot = new EngineHarness(fixture, answerer: Grounded(fixture, TestChatClient.Replying("可以", "申请", "租房提取[1]", "。")));
        var streaming = new StreamingConversationEngine(bot.Engine);

        var updates = await Collect(streaming.StreamAsync(new IncomingMessage(EngineHarness.UserId, EngineHarness.Channel, null, "m1", "租房可以提取住房公积金吗？"), default));

        Assert.Equal(["可以", "申请", "租房提取[1]", "。"], updates.Where(u => !u.IsCompleted).Select(u => u.Delta));
        var last = updates[^1];
        Assert.True(last.IsCompleted);
        Assert.StartsWith("可以申请租房提取[1]。", last.Reply!.Markdown);
        Assert.Single(last.Reply.Citations);
    }

    [Fact]
    public async Task StreamAsync_OfflineEngine_OnlyTheCompletedReply()
    {
        var bot = new EngineHarness(fixture);
        var streaming = new StreamingConversationEngine(bot.Engine);

        var updates = await Collect(streaming.StreamAsync(new IncomingMessage(EngineHarness.UserId, EngineHarness.Channel, null, null, "租房可以提取住房公积金吗？"), default));

        var only = Assert.Single(updates);
        Assert.True(only.IsCompleted);
    }

    [Fact]
    public async Task StreamAsync_InvalidMessage_Throws()
    {
        var streaming = new StreamingConversationEngine(new EngineHarness(fixture).Engine);

        await Assert.ThrowsAsync<InvalidMessageException>(() =>
            Collect(streaming.StreamAsync(new IncomingMessage(EngineHarness.UserId, EngineHarness.Channel, null, null, " "), default)));
    }
}
