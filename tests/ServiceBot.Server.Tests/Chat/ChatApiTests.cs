using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace ServiceBot.Server.Tests.Chat;

public sealed class ChatApiTests(ServiceBotServer server) : IClassFixture<ServiceBotServer>
{
    public static TheoryData<string> BadBodies => new()
    {
        "",
        "{",
        "[]",
        """{"text":"你好"}""",
        """{"userId":"u1"}""",
        """{"userId":"u1","text":"   "}""",
        """{"userId":"","text":"你好"}""",
        """{"userId":"u1","text":12}""",
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Post_BadInput_Returns400ProblemDetails(string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await server.Http.PostAsync("api/chat", content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task Post_OversizedText_Returns400()
    {
        using var response = await server.Http.PostAsJsonAsync("api/chat", new { userId = "u1", text = new string('长', 5000) });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Post_NotJson_Returns400()
    {
        using var content = new StringContent("userId=u1&text=hi", Encoding.UTF8, "application/x-www-form-urlencoded");
        using var response = await server.Http.PostAsync("api/chat", content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Post_PolicyQuestion_ReturnsContractShapeWithCitations()
    {
        var turn = await new ChatSession(server.Http).SayAsync("骑手每天跑十几个小时，休息权有保障吗？");
        Assert.StartsWith("c-", turn.ConversationId);
        Assert.True(turn.CitationCount > 0);
        var citation = turn.Json.GetProperty("citations")[0];
        Assert.False(string.IsNullOrEmpty(citation.GetProperty("source").GetString()));
        Assert.False(string.IsNullOrEmpty(citation.GetProperty("section").GetString()));
        Assert.False(string.IsNullOrEmpty(citation.GetProperty("text").GetString()));
        Assert.Null(turn.Task);
        Assert.False(turn.Handoff);
    }

    [Fact]
    public async Task Post_PolicyQuestion_WritesChineseUnescapedAndHtmlEscaped()
    {
        using var response = await server.Http.PostAsJsonAsync("api/chat",
            new { userId = "u-json-" + Guid.NewGuid().ToString("N")[..8], text = "骑手每天跑十几个小时，休息权有保障吗？" });
        var raw = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var reply = JsonDocument.Parse(raw).RootElement.GetProperty("reply").GetString()!;
        Assert.Contains("休息", reply);
        Assert.Contains("休息", raw);
        Assert.DoesNotContain(@"\u4F11", raw, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<", raw);
    }

    [Fact]
    public async Task Post_WithoutConversationId_ContinuesTheUsersOpenConversation()
    {
        var chat = new ChatSession(server.Http);
        var first = await chat.SayAsync("我想提取公积金");
        using var response = await server.Http.PostAsJsonAsync("api/chat", new { userId = chat.UserId, text = "130402199003074510" });
        var second = new ChatTurn(await response.Content.ReadFromJsonAsync<JsonElement>());
        Assert.Equal(first.ConversationId, second.ConversationId);
        Assert.Equal("fund_withdrawal", second.TaskName);
        Assert.Equal("1304**********4510", second.Slot("id_number"));
    }

    [Fact]
    public async Task Post_OutOfScope_RefusesAndPointsToHotline()
    {
        var turn = await new ChatSession(server.Http).SayAsync("帮我订一张去上海的机票");
        Assert.Equal(0, turn.CitationCount);
        Assert.Contains("12345", turn.Reply);
    }

    [Theory]
    [InlineData("can you write an english product description for my silicone phone cases from Yiwu? about 100 words")]
    [InlineData("Could you call my landlord for me and tell him the water heater is broken?")]
    [InlineData("帮我写一封给站长的辞职信 语气客气一点")]
    public async Task Post_ErrandInTheDomainsWords_IsOutOfScopeWithoutCitingAClause(string errand)
    {
        var turn = await new ChatSession(server.Http).SayAsync(errand);

        Assert.Equal(0, turn.CitationCount);
        Assert.Null(turn.Task);
        Assert.Contains("12345", turn.Reply);
    }

    [Fact]
    public async Task Post_AskForHuman_SetsHandoff()
    {
        var turn = await new ChatSession(server.Http).SayAsync("转人工客服");
        Assert.True(turn.Handoff);
    }
}
