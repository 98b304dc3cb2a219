using ServiceBot.Answers;
using ServiceBot.Core.Tests.Conversation;
using ServiceBot.Llm;
using static ServiceBot.Core.Tests.Llm.LlmTestSupport;

namespace ServiceBot.Core.Tests.Llm;

public sealed class GroundedKnowledgeAnswererTests(EngineFixture fixture) : IClassFixture<EngineFixture>
{
    private const string Question = "租房可以提取住房公积金吗？";

    [Fact]
    public async Task AnswerAsync_ModelCitesRetrievedClause_GeneratedAnswerWithThatCitation()
    {
        var chat = TestChatClient.Replying("可以。", "连续缴存满3个月且无自有住房的，可以申请租房提取[1]。");

        var answer = await Grounded(fixture, chat).AnswerAsync(Question, CancellationToken.None);

        Assert.True(answer.Grounded);
        Assert.Equal("可以。连续缴存满3个月且无自有住房的，可以申请租房提取[1]。", answer.Markdown);
        var citation = Assert.Single(answer.Citations);
        Assert.Contains("租赁住房", citation.Text);
        Assert.Contains("[1] 《住房公积金提取管理办法》", LastPrompt(chat));
        Assert.Contains(Question, LastPrompt(chat));
    }

    [Fact]
    public async Task AnswerAsync_FabricatedMarker_DroppedAndNotCited()
    {
        var chat = TestChatClient.Replying("可以申请租房提取[1][7]。");

        var answer = await Grounded(fixture, chat).AnswerAsync(Question, CancellationToken.None);

        Assert.Equal("可以申请租房提取[1]。", answer.Markdown);
        Assert.Single(answer.Citations);
    }

    [Fact]
    public async Task AnswerAsync_ModelCitesNothingReal_ExtractiveAnswer()
    {
        var chat = TestChatClient.Replying("当然可以，随时都能取[9]。");

        var answer = await Grounded(fixture, chat).AnswerAsync(Question, CancellationToken.None);

        Assert.Equal(await Extractive(fixture).AnswerAsync(Question, CancellationToken.None), answer, AnswerComparer);
    }

    [Fact]
    public async Task AnswerAsync_OutOfScopeQuestion_RefusedWithoutCallingTheModel()
    {
        var chat = TestChatClient.Replying("明天晴[1]。");

        var answer = await Grounded(fixture, chat).AnswerAsync("明天北京天气怎么样？", CancellationToken.None);

        Assert.False(answer.Grounded);
        Assert.Empty(answer.Citations);
        Assert.Empty(chat.Requests);
    }

    [Fact]
    public async Task AnswerAsync_StreamingScope_DeltasArriveTokenByToken()
    {
        var chat = TestChatClient.Replying("可以", "申请", "租房提取[1]", "。");
        var deltas = new List<string>();

        using (AnswerStreaming.Begin((d, _) => { deltas.Add(d); return ValueTask.CompletedTask; }))
            await Grounded(fixture, chat).AnswerAsync(Question, CancellationToken.None);

        Assert.Equal(["可以", "申请", "租房提取[1]", "。"], deltas);
    }

    [Theory]
    [InlineData("timeout")]
    [InlineData("http")]
    [InlineData("junk")]
    public async Task FallbackAnswerer_ModelFails_OfflineAnswer(string failure)
    {
        Exception exception = failure switch
        {
            "timeout" => new TimeoutException(),
            "http" => new HttpRequestException("500"),
            _ => new System.Text.Json.JsonException(),
        };
        var offline = Extractive(fixture);
        var answerer = new FallbackKnowledgeAnswerer(Grounded(fixture, TestChatClient.Failing(exception)), offline);

        var answer = await answerer.AnswerAsync(Question, CancellationToken.None);

        Assert.Equal(await offline.AnswerAsync(Question, CancellationToken.None), answer, AnswerComparer);
    }

    [Fact]
    public async Task FallbackAnswerer_CallerCancels_CancellationPropagates()
    {
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();
        var answerer = new FallbackKnowledgeAnswerer(Grounded(fixture, TestChatClient.Replying("x")), Extractive(fixture));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => answerer.AnswerAsync(Question, cancel.Token));
    }

    private static readonly IEqualityComparer<Answer> AnswerComparer = EqualityComparer<Answer>.Create(
        (a, b) => a!.Markdown == b!.Markdown && a.Grounded == b.Grounded && a.Citations.SequenceEqual(b.Citations) && a.Handoff == b.Handoff);
}
