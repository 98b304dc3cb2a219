using Microsoft.Extensions.Options;
using ServiceBot.Answers;
using ServiceBot.Core.Tests.Answers;
using ServiceBot.Llm;
using ServiceBot.Text;
using static ServiceBot.Core.Tests.Llm.LlmTestSupport;

namespace ServiceBot.Core.Tests.Llm;

/// <summary>With a model, an English question is answered in English from the Chinese clauses its English guide rests on.</summary>
public sealed class EnglishGroundedAnswerTests(KnowledgeOnlyFixture fixture) : IClassFixture<KnowledgeOnlyFixture>
{
    private GroundedKnowledgeAnswerer Grounded(TestChatClient chat)
        => new(_ => Task.FromResult(fixture.Knowledge), new ExtractiveAnswerComposer(), chat, Prompts, new ReadOnlyTools([]),
            Options.Create(new LlmOptions()));

    [Fact]
    public async Task AnswerAsync_EnglishQuestion_PromptCarriesEnglishAndChineseClauses()
    {
        var chat = TestChatClient.Replying("Yes. ", "If you rent the home you live in and own no home in the city, you can withdraw for rent [1].");

        var answer = await Grounded(chat).AnswerAsync("Can I withdraw my housing fund to pay rent?", CancellationToken.None);

        var prompt = LastPrompt(chat);
        Assert.Contains("用户使用的语言：English", prompt);
        Assert.Contains("《住房公积金提取办事指南（示例）》", prompt);
        Assert.DoesNotContain("Housing Provident Fund Withdrawal Guide", prompt);
        Assert.True(answer.Grounded);
        Assert.Equal("Yes. If you rent the home you live in and own no home in the city, you can withdraw for rent [1].", answer.Markdown);
        var citation = Assert.Single(answer.Citations);
        Assert.Equal("住房公积金提取办事指南（示例）", citation.Source);
        Assert.Contains(citation.Text, c => TextNormalizer.IsCjk(c));
    }

    [Fact]
    public async Task AnswerAsync_ChineseQuestion_PromptAsksForChinese()
    {
        var chat = TestChatClient.Replying("可以，符合条件的可以租房提取[1]。");

        await Grounded(chat).AnswerAsync("租房可以提取公积金吗", CancellationToken.None);

        Assert.Contains("用户使用的语言：简体中文", LastPrompt(chat));
    }

    [Fact]
    public async Task AnswerAsync_EnglishQuestionNothingAnswers_EnglishRefusalWithoutCallingTheModel()
    {
        var chat = TestChatClient.Replying("Sunny [1].");

        var answer = await Grounded(chat).AnswerAsync("What will the weather be like in Paris tomorrow?", CancellationToken.None);

        Assert.False(answer.Grounded);
        Assert.StartsWith("Sorry", answer.Markdown);
        Assert.Empty(chat.Requests);
    }
}
