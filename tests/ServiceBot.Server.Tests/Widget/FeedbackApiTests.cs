using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace ServiceBot.Server.Tests.Widget;

public sealed class FeedbackApiTests(WidgetServer server) : IClassFixture<WidgetServer>
{
    [Fact]
    public async Task Post_ValidRating_StoredAndListedForTheConversation()
    {
        using var posted = await server.Http.PostAsJsonAsync("api/feedback",
            new { conversationId = "c-fb-1", messageId = "m-1", rating = "down", comment = "  没有回答我的问题  " });
        using var other = await server.Http.PostAsJsonAsync("api/feedback", new { conversationId = "c-fb-other", messageId = "m-1", rating = "up" });

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var list = await server.Http.GetFromJsonAsync<JsonElement>("api/feedback?conversationId=c-fb-1");
        var entry = Assert.Single(list.EnumerateArray());
        Assert.Equal("m-1", entry.GetProperty("messageId").GetString());
        Assert.Equal("down", entry.GetProperty("rating").GetString());
        Assert.Equal("没有回答我的问题", entry.GetProperty("comment").GetString());
    }

    [Fact]
    public async Task Post_SameAnswerRatedAgain_ReplacesTheEarlierRating()
    {
        await server.Http.PostAsJsonAsync("api/feedback", new { conversationId = "c-fb-2", messageId = "m-9", rating = "down" });
        await server.Http.PostAsJsonAsync("api/feedback", new { conversationId = "c-fb-2", messageId = "m-9", rating = "up" });

        var list = await server.Http.GetFromJsonAsync<JsonElement>("api/feedback?conversationId=c-fb-2");

        Assert.Equal("up", Assert.Single(list.EnumerateArray()).GetProperty("rating").GetString());
    }

    [Fact]
    public async Task Post_Stored_InTheStateDatabaseFile()
    {
        await server.Http.PostAsJsonAsync("api/feedback", new { conversationId = "c-fb-3", messageId = "m-3", rating = "up" });

        await using var connection = new SqliteConnection($"Data Source={server.StateDatabasePath};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT rating FROM feedback WHERE conversation_id = 'c-fb-3' AND message_id = 'm-3'";
        Assert.Equal("up", await command.ExecuteScalarAsync());
    }

    [Theory]
    [InlineData("{\"conversationId\":\"c\",\"messageId\":\"m\",\"rating\":\"meh\"}", "rating")]
    [InlineData("{\"conversationId\":\"c\",\"messageId\":\"m\"}", "rating")]
    [InlineData("{\"messageId\":\"m\",\"rating\":\"up\"}", "conversationId")]
    [InlineData("{\"conversationId\":\"c\",\"messageId\":\" \",\"rating\":\"up\"}", "messageId")]
    public async Task Post_InvalidField_400Problem(string json, string field)
    {
        using var response = await server.Http.PostAsync("api/feedback", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("invalid_request", problem.GetProperty("code").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Post_OversizedComment_400()
    {
        using var response = await server.Http.PostAsJsonAsync("api/feedback",
            new { conversationId = "c", messageId = "m", rating = "up", comment = new string('评', 1001) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Post_MalformedJson_400InvalidJson()
    {
        using var response = await server.Http.PostAsync("api/feedback", new StringContent("{", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_json", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task List_WithoutConversationId_400()
    {
        using var response = await server.Http.GetAsync("api/feedback");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
