using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace ServiceBot.Server.Tests.Chat.Identity;

/// <summary>User tokens and API keys on the chat routes, from a client without the test API key, as a visitor's browser.</summary>
public sealed class ChatIdentityTests(ServiceBotServer server) : IClassFixture<ServiceBotServer>, IDisposable
{
    private const string Question = "骑手每天跑十几个小时，休息权有保障吗？";

    private readonly HttpClient _visitor = server.CreateAnonymousClient();

    public void Dispose() => _visitor.Dispose();

    [Fact]
    public async Task Post_FirstTurn_ReturnsUserToken()
    {
        var first = await new ChatSession(_visitor).SayAsync(Question);

        Assert.False(string.IsNullOrEmpty(first.UserToken));
        Assert.DoesNotContain('=', first.UserToken);
    }

    [Fact]
    public async Task Post_LaterTurnWithoutToken_Returns401ProblemDetailsInChinese()
    {
        var user = await StartedUserAsync();

        using var response = await _visitor.PostAsJsonAsync("api/chat", new { userId = user.UserId, text = Question });

        await AssertUnauthorizedAsync(response);
    }

    [Fact]
    public async Task Post_LaterTurnWithTokenInBody_Returns200WithSameToken()
    {
        var user = await StartedUserAsync();

        using var response = await _visitor.PostAsJsonAsync("api/chat", new { userId = user.UserId, text = Question, userToken = user.UserToken });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(user.UserToken, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("userToken").GetString());
    }

    [Fact]
    public async Task Post_LaterTurnWithBearerToken_Returns200WithSameToken()
    {
        var user = await StartedUserAsync();

        using var request = new HttpRequestMessage(HttpMethod.Post, "api/chat") { Content = JsonContent.Create(new { userId = user.UserId, text = Question }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", user.UserToken);
        using var response = await _visitor.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(user.UserToken, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("userToken").GetString());
    }

    [Fact]
    public async Task Post_AnotherUsersToken_Returns401()
    {
        var victim = await StartedUserAsync();
        var intruder = await StartedUserAsync();

        using var response = await _visitor.PostAsJsonAsync("api/chat", new { userId = victim.UserId, text = Question, userToken = intruder.UserToken });

        await AssertUnauthorizedAsync(response);
    }

    [Fact]
    public async Task Post_ForgedToken_Returns401()
    {
        var user = await StartedUserAsync();
        var forged = (user.UserToken![0] == 'A' ? "B" : "A") + user.UserToken[1..];

        using var response = await _visitor.PostAsJsonAsync("api/chat", new { userId = user.UserId, text = Question, userToken = forged });

        await AssertUnauthorizedAsync(response);
    }

    [Fact]
    public async Task Post_ApiKey_ActsForAnyUserWithoutTokenAndReturnsTheUsersToken()
    {
        var user = await StartedUserAsync();

        using var request = new HttpRequestMessage(HttpMethod.Post, "api/chat") { Content = JsonContent.Create(new { userId = user.UserId, text = Question }) };
        request.Headers.Add("X-Api-Key", ServiceBotServer.ChatApiKey);
        using var response = await _visitor.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(user.ConversationId, reply.GetProperty("conversationId").GetString());
        Assert.Equal(user.UserToken, reply.GetProperty("userToken").GetString());
    }

    [Fact]
    public async Task Post_WrongApiKey_Returns401EvenForANewUser()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/chat") { Content = JsonContent.Create(new { userId = "u-" + Guid.NewGuid().ToString("N"), text = Question }) };
        request.Headers.Add("X-Api-Key", ServiceBotServer.ChatApiKey + "x");
        using var response = await _visitor.SendAsync(request);

        await AssertUnauthorizedAsync(response);
    }

    [Fact]
    public async Task Post_UnknownConversationId_Returns400AndStartsNothing()
    {
        var userId = "u-" + Guid.NewGuid().ToString("N");

        using var response = await _visitor.PostAsJsonAsync("api/chat", new { userId, conversationId = "c-chosen-by-client", text = Question });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("会话不存在，请不带 conversationId 开始新会话", problem.GetProperty("detail").GetString());
        // Nothing was stored under the refused id, so the user's first real turn still needs no token.
        Assert.False(string.IsNullOrEmpty((await new ChatSession(_visitor, userId).SayAsync(Question)).UserToken));
    }

    [Fact]
    public async Task Stream_LaterTurnWithoutToken_Returns401AndWithTokenStreams()
    {
        var user = await StartedUserAsync();

        using var refused = await _visitor.PostAsJsonAsync("api/chat/stream", new { userId = user.UserId, text = Question });
        using var accepted = await _visitor.PostAsJsonAsync("api/chat/stream", new { userId = user.UserId, text = Question, userToken = user.UserToken });

        await AssertUnauthorizedAsync(refused);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Contains($"\"userToken\":\"{user.UserToken}\"", await accepted.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Events_WithoutOrWithWrongToken_Returns401()
    {
        var user = await StartedUserAsync();
        var other = await StartedUserAsync();
        var path = $"api/chat/events?userId={user.UserId}&conversationId={user.ConversationId}";

        using var without = await _visitor.GetAsync(path);
        using var wrong = await _visitor.GetAsync(path + "&userToken=" + Uri.EscapeDataString(other.UserToken!));
        using var owner = await _visitor.GetAsync(path + "&userToken=" + Uri.EscapeDataString(user.UserToken!), HttpCompletionOption.ResponseHeadersRead);

        await AssertUnauthorizedAsync(without);
        await AssertUnauthorizedAsync(wrong);
        Assert.Equal(HttpStatusCode.OK, owner.StatusCode);
        Assert.Equal("text/event-stream", owner.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Feedback_OnlyTheConversationOwnersTokenIsAccepted()
    {
        var user = await StartedUserAsync();
        var other = await StartedUserAsync();
        object Rating(string? token) => new { conversationId = user.ConversationId, messageId = "m-1", rating = "up", userToken = token };

        using var without = await _visitor.PostAsJsonAsync("api/feedback", Rating(null));
        using var wrong = await _visitor.PostAsJsonAsync("api/feedback", Rating(other.UserToken));
        using var owner = await _visitor.PostAsJsonAsync("api/feedback", Rating(user.UserToken));

        await AssertUnauthorizedAsync(without);
        await AssertUnauthorizedAsync(wrong);
        Assert.Equal(HttpStatusCode.OK, owner.StatusCode);
    }

    [Fact]
    public async Task Start_ShortApiKey_FailsValidation()
    {
        var settings = new Dictionary<string, string> { ["Chat:ApiKeys:0"] = "too-short" };
        var misconfigured = new ServiceBotServer(settings);
        try
        {
            var failure = await Assert.ThrowsAnyAsync<Exception>(misconfigured.InitializeAsync);
            Assert.Contains("Chat:ApiKeys", failure.ToString());
        }
        finally
        {
            await misconfigured.DisposeAsync();
        }
    }

    private async Task<ChatSession> StartedUserAsync()
    {
        var user = new ChatSession(_visitor);
        await user.SayAsync(Question);
        return user;
    }

    private static async Task AssertUnauthorizedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var detail = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!;
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", detail);
    }
}
