using System.Net.Http;
using ServiceBot.Assist;
using ServiceBot.Llm;
using ServiceBot.Tasks;
using static ServiceBot.Core.Tests.Assist.AssistTestSupport;

namespace ServiceBot.Core.Tests.Llm;

public class ModelConversationSummarizerTests
{
    private static readonly TranscriptLine[] Transcript = [Caller("我要投诉欠薪 电话一三八零零零零一一一一"), Agent("好的 请问单位名称")];

    [Fact]
    public async Task SummarizeAsync_ModelSummary_ReturnedWithNumbersMasked()
    {
        var chat = TestChatClient.Replying("用户投诉欠薪，联系电话13800001111，待补充用人单位。");

        var summary = await new ModelConversationSummarizer(chat, LlmTestSupport.Prompts).SummarizeAsync(Transcript, null, CancellationToken.None);

        Assert.Equal("用户投诉欠薪，联系电话138****1111，待补充用人单位。", summary);
        var prompt = LlmTestSupport.LastPrompt(chat);
        Assert.Contains("用户：我要投诉欠薪 电话138****1111", prompt, StringComparison.Ordinal);
        Assert.Contains("坐席：好的 请问单位名称", prompt, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task SummarizeAsync_ModelFailsOrSaysNothing_OfflineSummary(bool fails)
    {
        var chat = fails ? TestChatClient.Failing(new HttpRequestException("boom")) : TestChatClient.Replying("  ");
        var summarizer = new FallbackConversationSummarizer(new ModelConversationSummarizer(chat, LlmTestSupport.Prompts),
            new ExtractiveConversationSummarizer(TaskCatalog.Default));

        var summary = await summarizer.SummarizeAsync(Transcript, null, CancellationToken.None);

        Assert.Equal("用户说：“我要投诉欠薪 电话138****1111”。", summary);
    }
}
