using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ServiceBot.Conversation;
using ServiceBot.Llm;
using ServiceBot.Server.Tests.Chat;

namespace ServiceBot.Server.Tests.Llm;

/// <summary>
/// ServiceBot with the openai provider, end to end over real HTTP on both sides: /api/chat in, Chat Completions (JSON and
/// SSE, tool calls included) out to the scripted model.
/// </summary>
public sealed class ModelBackedChatTests : IClassFixture<ModelBackedServer>
{
    private const string FundQuestion = "租房可以提取住房公积金吗？";
    private const string IdNumber = "130402199003074510";

    private readonly ModelBackedServer _server;

    public ModelBackedChatTests(ModelBackedServer server)
    {
        _server = server;
        server.Model.Requests.Clear();
        server.Model.Script = ScriptedModelServer.DefaultScript;
    }

    private ChatSession Session() => new(_server.Bot.Http);

    private IReadOnlyList<ModelRequest> AnswerRequests => [.. _server.Model.Requests.Where(r => !r.WantsJson)];

    private static IEnumerable<string> CitationTexts(ChatTurn turn)
        => turn.Json.GetProperty("citations").EnumerateArray().Select(c => c.GetProperty("text").GetString()!);

    [Fact]
    public async Task PolicyQuestion_GeneratedAnswer_EveryCitationIsARetrievedClause()
    {
        _server.Model.Script = r => r.WantsJson ? ScriptedModelServer.DefaultScript(r)
            : ModelReply.Says("可以。", "连续足额缴存满3个月且无自有住房的职工租房，", "可以申请提取[1]。");

        var turn = await Session().SayAsync(FundQuestion);

        Assert.Contains("可以申请提取[1]。", turn.Reply);
        Assert.Equal(1, turn.CitationCount);
        var request = AnswerRequests.Single();
        Assert.True(request.Stream);
        Assert.Equal("Bearer sk-scripted", request.Authorization);
        Assert.All(CitationTexts(turn), text => Assert.Contains(text.Trim(), request.LastUserText));
        Assert.Contains(FundQuestion, request.LastUserText);
    }

    [Fact]
    public async Task PolicyQuestion_FabricatedMarker_Dropped()
    {
        _server.Model.Script = r => r.WantsJson ? ScriptedModelServer.DefaultScript(r) : ModelReply.Says("可以申请租房提取[1]", "[7]。");

        var turn = await Session().SayAsync(FundQuestion);

        Assert.Contains("可以申请租房提取[1]。", turn.Reply);
        Assert.DoesNotContain("[7]", turn.Reply);
        Assert.Equal(1, turn.CitationCount);
    }

    [Theory]
    [InlineData("SubmitWithdrawal")]
    [InlineData("HousingFund_SubmitWithdrawal")]
    [InlineData("HousingFund-SubmitWithdrawal")]
    public async Task ModelCallsSubmitFunction_NothingSubmitted(string function)
    {
        _server.Model.Script = r => r.WantsJson ? ScriptedModelServer.DefaultScript(r) : SubmitCall(function);

        var turn = await Session().SayAsync(FundQuestion);

        Assert.Null(turn.Task);
        Assert.Empty(await _server.Bot.ListTicketsAsync(IdNumber));
        Assert.All(_server.Model.Requests, r => Assert.DoesNotContain(r.ToolNames, n => n.Contains("Submit", StringComparison.Ordinal)));
        Assert.True(turn.CitationCount > 0);
    }

    [Fact]
    public async Task RetrievedDocumentCarriesInstruction_ChangesNothing()
    {
        // A model that obeys whatever it reads: it tries to submit when the instruction is in its prompt.
        _server.Model.Script = r => r.WantsJson ? ScriptedModelServer.DefaultScript(r)
            : r.LastUserText.Contains(ModelBackedServer.Injection, StringComparison.Ordinal) && !r.HasToolResult
                ? SubmitCall("HousingFund_SubmitWithdrawal")
                : ModelReply.Says("灵活就业人员可以自愿缴存住房公积金[1]。");

        var turn = await Session().SayAsync("灵活就业人员可以缴存住房公积金吗？");

        var prompt = AnswerRequests.First().LastUserText;
        var clauses = prompt[prompt.IndexOf("=== 条款开始 ===", StringComparison.Ordinal)..prompt.IndexOf("=== 条款结束 ===", StringComparison.Ordinal)];
        Assert.Contains(ModelBackedServer.Injection, clauses);
        Assert.Null(turn.Task);
        Assert.Empty(await _server.Bot.ListTicketsAsync(IdNumber));
        Assert.True(turn.CitationCount > 0);
    }

    [Theory]
    [InlineData("500")]
    [InlineData("timeout")]
    [InlineData("malformed")]
    public async Task ModelFails_OfflineAnswerWithinTimeout(string failure)
    {
        ModelReply reply = failure switch
        {
            "500" => new ModelReply.Status(500),
            "timeout" => new ModelReply.Delayed(TimeSpan.FromSeconds(30), ModelReply.Says("太迟了[1]。")),
            _ => new ModelReply.Raw("data: {\"choices\": [{\"delta\": {\"content\": \n\n{not json"),
        };
        _server.Model.Script = _ => reply;
        var watch = Stopwatch.StartNew();

        var turn = await Session().SayAsync(FundQuestion);

        watch.Stop();
        // The offline answer: the quoted clause with its source line, none of the model's words.
        Assert.Contains("（《住房公积金提取管理办法》", turn.Reply);
        Assert.Contains("\n> ", turn.Reply);
        Assert.DoesNotContain("太迟了", turn.Reply);
        Assert.True(turn.CitationCount > 0);
        Assert.NotEmpty(AnswerRequests);
        // Each model call this turn made (an answer, and an understanding request if the offline classifier was unsure) has its own budget.
        var calls = _server.Model.Requests.Count;
        Assert.True(watch.Elapsed < ModelBackedServer.Timeout * calls + TimeSpan.FromSeconds(3), $"{calls} call(s) took {watch.Elapsed}");
    }

    [Fact]
    public async Task Streaming_DeltasReachTheClientTokenByToken()
    {
        string[] tokens = ["可以", "申请", "租房", "提取[1]", "。"];
        _server.Model.Script = r => r.WantsJson ? ScriptedModelServer.DefaultScript(r) : ModelReply.Says(tokens);
        var engine = _server.Bot.Services.GetRequiredService<IStreamingConversationEngine>();
        var deltas = new List<string>();
        Reply? reply = null;

        await foreach (var update in engine.StreamAsync(new IncomingMessage("stream-user", "widget", null, "s-1", FundQuestion), default))
        {
            if (update.Delta is { } delta) deltas.Add(delta);
            reply ??= update.Reply;
        }

        Assert.Equal(tokens, deltas);
        Assert.StartsWith(string.Concat(tokens), reply!.Markdown);
        Assert.True(AnswerRequests.Single().Stream);
    }

    [Fact]
    public async Task ChatStream_OverHttp_ForwardsModelTokensAsSseDeltas()
    {
        string[] tokens = ["可以", "申请", "租房", "提取[1]", "。"];
        _server.Model.Script = r => r.WantsJson ? ScriptedModelServer.DefaultScript(r) : ModelReply.Says(tokens);
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/chat/stream")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { userId = "sse-user", messageId = "sse-1", text = FundQuestion }),
        };
        using var response = await _server.Bot.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);

        var events = new List<(string Name, string Data)>();
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        string? name = null;
        while (await reader.ReadLineAsync() is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal)) name = line[7..];
            else if (line.StartsWith("data: ", StringComparison.Ordinal)) events.Add((name!, line[6..]));
        }

        var deltas = events.Where(e => e.Name == "delta")
            .Select(e => System.Text.Json.JsonDocument.Parse(e.Data).RootElement.GetProperty("text").GetString()).ToList();
        Assert.Equal(tokens, deltas);
        Assert.Equal(["reply", "done"], events.Skip(deltas.Count).Select(e => e.Name));
        var reply = System.Text.Json.JsonDocument.Parse(events[^2].Data).RootElement;
        Assert.True(reply.GetProperty("citations").GetArrayLength() > 0);
    }

    [Fact]
    public async Task FreeFormSentence_ModelSlotsFillTheForm_BadIdRejectedByValidator()
    {
        _server.Model.Script = r => r.WantsJson
            ? ModelReply.Says("""{"task":"fund_withdrawal","slots":{"reason":"租房","amount":"3000","id_number":"130402199003074511"}}""")
            : ScriptedModelServer.DefaultScript(r);

        var turn = await Session().SayAsync("我想把公积金取出来交房租，身份证号码是幺三零四零二一九九零零三零七四五一一");

        Assert.Equal("fund_withdrawal", turn.TaskName);
        var slots = turn.Task!.Value.GetProperty("slots");
        Assert.Equal("rent", slots.GetProperty("reason").GetString());
        Assert.Equal("3000", slots.GetProperty("amount").GetString());
        Assert.False(slots.TryGetProperty("id_number", out _));
        Assert.Contains("身份证号未通过校验", turn.Reply);
        Assert.Contains(_server.Model.Requests, r => r.WantsJson);
    }

    [Fact]
    public async Task ModelCallsReadOnlyTool_ToolRunsAgainstTheBackendAndAnswerUsesIt()
    {
        var tools = _server.Bot.Services.GetRequiredService<ReadOnlyTools>();
        var findStations = tools.Names.Single(n => n.Contains("FindStations", StringComparison.Ordinal));
        _server.Model.Script = r => r.WantsJson ? ScriptedModelServer.DefaultScript(r)
            : r.HasToolResult ? ModelReply.Says("可以申请租房提取[1]。")
            : new ModelReply.ToolCall(findStations, """{"city":"邯郸市"}""");

        var turn = await Session().SayAsync(FundQuestion);

        Assert.Contains("可以申请租房提取[1]。", turn.Reply);
        var toolRound = AnswerRequests.Single(r => r.HasToolResult);
        Assert.Contains(toolRound.Messages, m => m.Role == "tool");
    }

    private static ModelReply SubmitCall(string function) => new ModelReply.ToolCall(function, JsonSerializer.Serialize(new
    {
        idNumber = IdNumber,
        reason = "rent",
        amount = 3000,
        bankCard = "6217001234567890122",
        idempotencyKey = "injected",
    }));
}
