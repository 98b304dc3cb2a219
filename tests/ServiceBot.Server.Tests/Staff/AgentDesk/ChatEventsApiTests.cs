using System.Net;
using System.Text.Json;
using ServiceBot.Server.Tests.Chat;
using static ServiceBot.Server.Tests.Staff.AgentDesk.DeskServer;

namespace ServiceBot.Server.Tests.Staff.AgentDesk;

/// <summary><c>GET /api/chat/events</c>: the widget's live subscription to what an agent writes.</summary>
public sealed class ChatEventsApiTests(DeskServer server) : IClassFixture<DeskServer>
{
    [Fact]
    public async Task Events_AgentWritesAfterSubscribing_ArrivesWithoutTheUserTyping()
    {
        var user = new ChatSession(server.Http);
        await user.SayAsync("转人工");
        using var alice = server.As(Alice);
        using var stream = await server.Http.GetAsync($"api/chat/events?userId={user.UserId}&conversationId={user.ConversationId}", HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await stream.Content.ReadAsStreamAsync());

        (await PostAsync(alice, $"api/agent/conversations/{user.ConversationId}/takeover")).EnsureSuccessStatusCode();
        (await PostAsync(alice, $"api/agent/conversations/{user.ConversationId}/messages", new { text = "您好，我是人工客服" })).EnsureSuccessStatusCode();
        var events = await ReadEventsAsync(reader, count: 2);

        Assert.Equal("text/event-stream", stream.Content.Headers.ContentType!.MediaType);
        Assert.Equal(["system", "agent"], events.Select(e => e.Name));
        Assert.Equal(("您好，我是人工客服", "alice"), (events[1].Data.GetProperty("text").GetString(), events[1].Data.GetProperty("agent").GetString()));
        Assert.Equal(events[1].Id, events[1].Data.GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Events_LastEventId_OnlyNewerLines()
    {
        var user = new ChatSession(server.Http);
        await user.SayAsync("转人工");
        using var alice = server.As(Alice);
        (await PostAsync(alice, $"api/agent/conversations/{user.ConversationId}/takeover")).EnsureSuccessStatusCode();
        var first = await DeskServer.JsonOf(await PostAsync(alice, $"api/agent/conversations/{user.ConversationId}/messages", new { text = "第一条" }));
        (await PostAsync(alice, $"api/agent/conversations/{user.ConversationId}/messages", new { text = "第二条" })).EnsureSuccessStatusCode();

        using var request = new HttpRequestMessage(HttpMethod.Get, $"api/chat/events?userId={user.UserId}&conversationId={user.ConversationId}");
        request.Headers.Add("Last-Event-ID", first.GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var stream = await server.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await stream.Content.ReadAsStreamAsync());
        var events = await ReadEventsAsync(reader, count: 1);

        Assert.Equal("第二条", events[0].Data.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Events_SomeoneElsesConversation_404()
    {
        var user = new ChatSession(server.Http);
        await user.SayAsync("转人工");

        using var response = await server.Http.GetAsync($"api/chat/events?userId=intruder&conversationId={user.ConversationId}");
        using var missing = await server.Http.GetAsync("api/chat/events?userId=u1");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
    }

    private sealed record ServerEvent(string Id, string Name, JsonElement Data);

    private static async Task<List<ServerEvent>> ReadEventsAsync(StreamReader reader, int count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var events = new List<ServerEvent>();
        string id = "", name = "", data = "";
        while (events.Count < count)
        {
            var line = await reader.ReadLineAsync(timeout.Token) ?? throw new EndOfStreamException();
            if (line.StartsWith("id: ", StringComparison.Ordinal)) id = line[4..];
            else if (line.StartsWith("event: ", StringComparison.Ordinal)) name = line[7..];
            else if (line.StartsWith("data: ", StringComparison.Ordinal)) data = line[6..];
            else if (line.Length == 0 && data.Length > 0)
            {
                events.Add(new ServerEvent(id, name, JsonDocument.Parse(data).RootElement.Clone()));
                name = data = "";
            }
        }
        return events;
    }
}
