using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace ServiceBot.Server.Tests.Chat.Identity;

/// <summary>The user-token rules on the built server as its own process, with its default configuration and no API key.</summary>
public sealed class ChatIdentityProcessTests() : ServerProcessTest("identity")
{
    private const string Question = "骑手每天跑十几个小时，休息权有保障吗？";

    [Fact]
    public async Task Post_OnServerProcess_TokenRequiredAndAnotherUsersConversationRefused()
    {
        var victim = new ChatSession(Server.Http);
        await victim.SayAsync("我想提取公积金，身份证130402199003074510");
        var intruder = new ChatSession(Server.Http);
        await intruder.SayAsync(Question);

        using var withoutToken = await Server.Http.PostAsJsonAsync("api/chat", new { userId = victim.UserId, text = "租房" });
        using var intrudersToken = await Server.Http.PostAsJsonAsync("api/chat",
            new { userId = victim.UserId, text = "租房", userToken = intruder.UserToken });
        using var victimsConversation = await Server.Http.PostAsJsonAsync("api/chat",
            new { userId = intruder.UserId, conversationId = victim.ConversationId, text = "租房", userToken = intruder.UserToken });
        using var bearer = new HttpRequestMessage(HttpMethod.Post, "api/chat") { Content = JsonContent.Create(new { userId = victim.UserId, text = "租房" }) };
        bearer.Headers.Authorization = new AuthenticationHeaderValue("Bearer", victim.UserToken);
        using var withToken = await Server.Http.SendAsync(bearer);

        await AssertProblemAsync(withoutToken, HttpStatusCode.Unauthorized);
        await AssertProblemAsync(intrudersToken, HttpStatusCode.Unauthorized);
        var refused = await AssertProblemAsync(victimsConversation, HttpStatusCode.BadRequest);
        Assert.DoesNotContain("4510", refused);
        Assert.Equal(HttpStatusCode.OK, withToken.StatusCode);
        var turn = new ChatTurn(await withToken.Content.ReadFromJsonAsync<JsonElement>());
        Assert.Equal(victim.ConversationId, turn.ConversationId);
        Assert.Equal("rent", turn.Slot("reason"));
    }

    private static async Task<string> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsStringAsync();
    }
}
