using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ServiceBot.Server.Widget;

namespace ServiceBot.Server.Tests.Widget;

public sealed class ChatStreamApiTests(WidgetServer server) : IClassFixture<WidgetServer>
{
    private Task<HttpResponseMessage> StreamAsync(object body) =>
        server.Http.SendAsync(new HttpRequestMessage(HttpMethod.Post, "api/chat/stream") { Content = JsonContent.Create(body) },
            HttpCompletionOption.ResponseHeadersRead);

    [Fact]
    public async Task Stream_PolicyQuestion_DeltasThenReplyThenDone()
    {
        using var response = await StreamAsync(new { userId = "u-stream", messageId = "m-1", text = ScriptedConversationEngine.PolicyQuestion });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.NoCache);
        var events = await ServerSentEvents.ReadAllAsync(response);
        var names = events.Select(e => e.Name).ToList();
        Assert.True(names.Count(n => n == "delta") > 10, $"expected many small deltas: {string.Join(",", names)}");
        Assert.Equal(["reply", "done"], names.SkipWhile(n => n == "delta"));

        var reply = events[^2].Data;
        Assert.Equal(ScriptedConversationEngine.PolicyAnswer,
            string.Concat(events.Where(e => e.Name == "delta").Select(e => e.Data.GetProperty("text").GetString())));
        Assert.Equal(ScriptedConversationEngine.PolicyAnswer, reply.GetProperty("reply").GetString());
        Assert.StartsWith("c-test-", reply.GetProperty("conversationId").GetString());
        var citation = reply.GetProperty("citations")[0];
        Assert.Equal("关于加强新就业群体服务管理的意见", citation.GetProperty("source").GetString());
        Assert.Equal("四、(八)", citation.GetProperty("section").GetString());
        Assert.Contains("不得拖延", citation.GetProperty("text").GetString());
        Assert.Equal(["还有其他问题", "我要提取公积金"], reply.GetProperty("suggestions").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(JsonValueKind.Null, reply.GetProperty("task").ValueKind);
        Assert.False(reply.GetProperty("handoff").GetBoolean());
    }

    [Fact]
    public async Task Stream_TaskTurn_ReplyCarriesTheTaskSnapshot()
    {
        using var response = await StreamAsync(new { userId = "u-task", text = "我要提取公积金" });

        var reply = (await ServerSentEvents.ReadAllAsync(response)).Single(e => e.Name == "reply").Data;
        var task = reply.GetProperty("task");
        Assert.Equal("fund_withdrawal", task.GetProperty("name").GetString());
        Assert.Equal("collecting", task.GetProperty("state").GetString());
        Assert.Equal(["id_number", "reason", "amount", "bank_card"], task.GetProperty("missing").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(JsonValueKind.Null, task.GetProperty("ticket").ValueKind);
    }

    [Fact]
    public async Task Stream_SameMessageIdTwice_SameReplyAndTheTurnRunsOnce()
    {
        var body = new { userId = "u-repeat", messageId = "m-repeat", text = "只说一次" };
        var before = server.Script.TurnsRun;

        using var first = await StreamAsync(body);
        var firstReply = (await ServerSentEvents.ReadAllAsync(first)).Single(e => e.Name == "reply").Data.GetRawText();
        using var second = await StreamAsync(body);
        var secondReply = (await ServerSentEvents.ReadAllAsync(second)).Single(e => e.Name == "reply").Data.GetRawText();

        Assert.Equal(firstReply, secondReply);
        Assert.Equal(before + 1, server.Script.TurnsRun);
    }

    [Theory]
    [InlineData("{\"userId\":\"u1\",\"text\":\"\"}", "text")]
    [InlineData("{\"userId\":\"u1\",\"text\":\"   \"}", "text")]
    [InlineData("{\"text\":\"你好\"}", "userId")]
    [InlineData("{\"userId\":\"u1\"}", "text")]
    public async Task Stream_MissingOrEmptyField_400ProblemBeforeStreaming(string json, string field)
    {
        using var response = await server.Http.PostAsync("api/chat/stream", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("invalid_request", problem.GetProperty("code").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Stream_EngineRejectsOversizedText_400WithTheEnginesMessage()
    {
        using var response = await StreamAsync(new { userId = "u1", text = new string('长', 600) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("text 不能超过 500 个字符。", problem.GetProperty("errors").GetProperty("text")[0].GetString());
    }

    [Theory]
    [InlineData("{not json", "application/json")]
    [InlineData("{\"userId\":\"u1\",\"text\":\"hi\"}", "text/plain")]
    public async Task Stream_NotJson_400InvalidJson(string body, string contentType)
    {
        using var response = await server.Http.PostAsync("api/chat/stream", new StringContent(body, Encoding.UTF8, contentType));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_json", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Stream_EngineFails_ErrorEventWithProblemAndNoDone()
    {
        using var response = await StreamAsync(new { userId = "u-fail", text = ScriptedConversationEngine.FailureTrigger });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var events = await ServerSentEvents.ReadAllAsync(response);
        var error = Assert.Single(events);
        Assert.Equal("error", error.Name);
        Assert.Equal(503, error.Data.GetProperty("status").GetInt32());
        Assert.Equal("engine_failed", error.Data.GetProperty("code").GetString());
        Assert.Contains("12345", error.Data.GetProperty("detail").GetString());
    }

    [Fact]
    public void Chunks_SurrogatePairs_NeverSplit()
    {
        var chunks = ChatStreamApi.Chunks("办事👍🏽好😀", 2).ToList();

        Assert.Equal(["办事", "👍🏽好", "😀"], chunks);
    }
}
