using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ServiceBot.Server.Tests.Chat;
using ServiceBot.Server.Tests.Staff.AgentDesk;

namespace ServiceBot.Server.Tests.Widget;

/// <summary>
/// Feedback belongs to the conversation's owner: reading it needs their userToken or a supervisor's or admin's
/// staff token, writing it needs their userToken; a page on another origin holding neither learns nothing.
/// </summary>
public sealed class FeedbackAccessTests(DeskServer server) : IClassFixture<DeskServer>
{
    private const string Comment = "联系电话 13800001111 打不通";

    /// <summary>A visitor's conversation with one rated answer, through a client that holds no keys.</summary>
    private async Task<ChatSession> RatedConversationAsync(HttpClient visitor)
    {
        var chat = new ChatSession(visitor);
        await chat.SayAsync("你好");
        using var rated = await visitor.PostAsJsonAsync("api/feedback",
            new { conversationId = chat.ConversationId, messageId = "m-1", rating = "down", comment = Comment, userToken = chat.UserToken });
        Assert.Equal(HttpStatusCode.OK, rated.StatusCode);
        return chat;
    }

    private HttpClient Anonymous() => new() { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    private static async Task<HttpResponseMessage> ListAsync(HttpClient client, string conversationId, string? bearer, string? origin = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"api/feedback?conversationId={conversationId}");
        if (bearer is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        if (origin is not null) request.Headers.Add("Origin", origin);
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task List_CrossOriginWithoutCredentials_401WithoutFeedback()
    {
        using var visitor = Anonymous();
        var chat = await RatedConversationAsync(visitor);

        using var response = await ListAsync(visitor, chat.ConversationId!, bearer: null, origin: "https://evil.example");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("13800001111", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task List_OwnersToken_ListsTheFeedback()
    {
        using var visitor = Anonymous();
        var chat = await RatedConversationAsync(visitor);

        using var response = await ListAsync(visitor, chat.ConversationId!, chat.UserToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var entry = Assert.Single((await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray());
        Assert.Equal("down", entry.GetProperty("rating").GetString());
    }

    [Fact]
    public async Task List_AnotherUsersToken_401()
    {
        using var visitor = Anonymous();
        var chat = await RatedConversationAsync(visitor);
        var other = new ChatSession(visitor);
        await other.SayAsync("你好");

        using var response = await ListAsync(visitor, chat.ConversationId!, other.UserToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData(DeskServer.Sue)]
    [InlineData(DeskServer.Ada)]
    public async Task List_SupervisorOrAdminToken_ListsTheFeedback(string staffToken)
    {
        using var visitor = Anonymous();
        var chat = await RatedConversationAsync(visitor);

        using var response = await ListAsync(visitor, chat.ConversationId!, staffToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single((await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray());
    }

    [Fact]
    public async Task List_AgentToken_401()
    {
        using var visitor = Anonymous();
        var chat = await RatedConversationAsync(visitor);

        using var response = await ListAsync(visitor, chat.ConversationId!, DeskServer.Alice);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Post_WithoutOwnersToken_401AndNothingStored()
    {
        using var visitor = Anonymous();
        var chat = await RatedConversationAsync(visitor);

        using var forged = await visitor.PostAsJsonAsync("api/feedback",
            new { conversationId = chat.ConversationId, messageId = "m-2", rating = "up" });
        using var listed = await ListAsync(visitor, chat.ConversationId!, chat.UserToken);

        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Single((await listed.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray());
    }
}
