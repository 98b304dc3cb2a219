using System.Net.Http;
using Microsoft.Extensions.Options;
using ServiceBot.Answers;
using ServiceBot.Assist;
using ServiceBot.Core.Tests.Assist;
using ServiceBot.Core.Tests.Conversation;
using ServiceBot.Llm;
using static ServiceBot.Core.Tests.Assist.AssistTestSupport;

namespace ServiceBot.Core.Tests.Llm;

public sealed class ModelReplySuggesterTests(EngineFixture fixture) : IClassFixture<EngineFixture>
{
    private static readonly TranscriptLine[] Transcript =
    [
        Agent("您好 请讲"),
        Caller("租房可以提取住房公积金支付房租吗 我身份证一三零四零二一九八八零六一二一零零五"),
    ];

    private ModelReplySuggester Model(TestChatClient chat)
        => new(_ => Task.FromResult(fixture.KnowledgeBase), new ExtractiveAnswerComposer(), chat, LlmTestSupport.Prompts, Options.Create(new LlmOptions()));

    private FallbackReplySuggester WithFallback(TestChatClient chat) => new(Model(chat), AssistTestSupport.Suggester(fixture));

    [Fact]
    public async Task SuggestAsync_ModelReplies_CitationsOnlyToRetrievedClauses()
    {
        var chat = TestChatClient.Replying("""{"replies": ["符合条件的可以申请提取住房公积金支付房租[1]。", "请提供本人银行卡号。", "详见第九条[9]。"]}""");

        var replies = await Model(chat).SuggestAsync(Transcript, CancellationToken.None);

        Assert.Equal(3, replies.Count);
        Assert.Equal("符合条件的可以申请提取住房公积金支付房租[1]。", replies[0].Text);
        Assert.Equal("住房公积金提取管理办法", Assert.Single(replies[0].Citations).Source);
        Assert.Empty(replies[1].Citations);
        Assert.Equal("详见第九条。", replies[2].Text);
        Assert.Empty(replies[2].Citations);
    }

    [Fact]
    public async Task SuggestAsync_Prompt_CarriesClausesAndMaskedTranscript()
    {
        var chat = TestChatClient.Replying("""{"replies": ["好的"]}""");

        await Model(chat).SuggestAsync(Transcript, CancellationToken.None);

        var prompt = LlmTestSupport.LastPrompt(chat);
        Assert.Contains("[1] 《住房公积金提取管理办法》", prompt, StringComparison.Ordinal);
        Assert.Contains("用户：租房可以提取住房公积金支付房租吗", prompt, StringComparison.Ordinal);
        Assert.Contains("1304**********1005", prompt, StringComparison.Ordinal);
        Assert.DoesNotContain("一三零四零二一九八八零六一二一零零五", prompt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SuggestAsync_ModelFails_OfflineSuggestionsInstead()
    {
        var replies = await WithFallback(TestChatClient.Failing(new HttpRequestException("boom"))).SuggestAsync(Transcript, CancellationToken.None);

        Assert.StartsWith("您好，根据《住房公积金提取管理办法》", replies[0].Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("这不是 JSON")]
    [InlineData("""{"answer": "好的"}""")]
    [InlineData("""{"replies": []}""")]
    public async Task SuggestAsync_ModelTalksNonsense_OfflineSuggestionsInstead(string reply)
    {
        var replies = await WithFallback(TestChatClient.Replying(reply)).SuggestAsync(Transcript, CancellationToken.None);

        Assert.StartsWith("您好，根据《住房公积金提取管理办法》", replies[0].Text, StringComparison.Ordinal);
    }
}
