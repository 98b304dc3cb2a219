using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ServiceBot.Server.Tests.Chat;
using static ServiceBot.Server.Tests.Staff.AgentDesk.DeskServer;

namespace ServiceBot.Server.Tests.Staff.AgentDesk;

/// <summary>The desk routes over real HTTP against the real engine and SQLite state (CONTRACT §6).</summary>
public sealed class AgentDeskApiTests(DeskServer server) : IClassFixture<DeskServer>
{
    private const string ZhangWei = "130402199003074510";

    private async Task<ChatSession> HandedOffUserAsync(params string[] before)
    {
        var user = new ChatSession(server.Http);
        foreach (var line in before) await user.SayAsync(line);
        Assert.True((await user.SayAsync("转人工")).Handoff);
        return user;
    }

    private static string Path(ChatSession user, string action = "") =>
        $"api/agent/conversations/{user.ConversationId}{(action.Length == 0 ? "" : "/" + action)}";

    public static TheoryData<string, string> DeskRoutes => new()
    {
        { "GET", "api/agent/conversations" },
        { "GET", "api/agent/conversations/c-1" },
        { "POST", "api/agent/conversations/c-1/takeover" },
        { "POST", "api/agent/conversations/c-1/messages" },
        { "POST", "api/agent/conversations/c-1/release" },
        { "POST", "api/agent/conversations/c-1/close" },
        { "GET", "api/agent/conversations/c-1/audit" },
        { "POST", "api/agent/assist" },
    };

    [Theory]
    [MemberData(nameof(DeskRoutes))]
    public async Task DeskRoute_NoToken_401WithBearerChallenge(string method, string path)
    {
        using var response = await server.Http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = method == "POST" ? JsonContent.Create(new { text = "hi" }) : null,
        });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal("unauthorized", (await JsonOf(response)).GetProperty("code").GetString());
    }

    [Theory]
    [MemberData(nameof(DeskRoutes))]
    public async Task DeskRoute_WrongToken_401(string method, string path)
    {
        using var client = server.As(Alice + "x");

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Audit_AgentRole_403ButSupervisorAndAdminRead()
    {
        var user = await HandedOffUserAsync();
        using var alice = server.As(Alice);
        using var sue = server.As(Sue);
        using var ada = server.As(Ada);

        using var refused = await alice.GetAsync(Path(user, "audit"));
        using var supervisor = await sue.GetAsync(Path(user, "audit"));
        using var admin = await ada.GetAsync(Path(user, "audit"));

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("forbidden", (await JsonOf(refused)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, supervisor.StatusCode);
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        var first = (await JsonOf(supervisor))[0];
        Assert.Equal(("system", "handoff", "user_request"), (first.GetProperty("actor").GetString(), first.GetProperty("action").GetString(), first.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task TakeOver_TwoAgentsRacing_ExactlyOne200AndOne409()
    {
        for (var round = 0; round < 5; round++)
        {
            var user = await HandedOffUserAsync();
            using var alice = server.As(Alice);
            using var bob = server.As(Bob);

            var responses = await Task.WhenAll(PostAsync(alice, Path(user, "takeover")), PostAsync(bob, Path(user, "takeover")));

            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
            var winner = await JsonOf(responses.Single(r => r.StatusCode == HttpStatusCode.OK));
            var loser = await JsonOf(responses.Single(r => r.StatusCode == HttpStatusCode.Conflict));
            Assert.Equal("active", winner.GetProperty("state").GetString());
            Assert.Equal("taken_by_other", loser.GetProperty("code").GetString());
            Assert.Contains($"已由{winner.GetProperty("agent").GetString()}接管", loser.GetProperty("detail").GetString());
            foreach (var response in responses) response.Dispose();
        }
    }

    [Fact]
    public async Task Queue_HandedOffUser_ChannelReasonSummaryAndMaskedTask()
    {
        var user = await HandedOffUserAsync("我要提取公积金", ZhangWei);
        using var alice = server.As(Alice);

        var queue = await alice.GetFromJsonAsync<JsonElement>("api/agent/conversations");

        var item = queue.EnumerateArray().Single(i => i.GetProperty("conversationId").GetString() == user.ConversationId);
        Assert.Equal(("api", "waiting", "user_request"), (item.GetProperty("channel").GetString(), item.GetProperty("state").GetString(), item.GetProperty("reason").GetString()));
        Assert.Equal("摘要：转人工；事项 fund_withdrawal", item.GetProperty("summary").GetString());
        Assert.Equal(JsonValueKind.Null, item.GetProperty("agent").ValueKind);
        Assert.True(item.GetProperty("waitingSince").GetDateTimeOffset() <= DateTimeOffset.UtcNow);
        Assert.EndsWith("+08:00", item.GetProperty("waitingSince").GetString());
        var task = item.GetProperty("task");
        Assert.Equal("fund_withdrawal", task.GetProperty("name").GetString());
        Assert.Equal("1304**********4510", task.GetProperty("slots").GetProperty("id_number").GetString());
        Assert.DoesNotContain(ZhangWei, queue.GetRawText());
        Assert.Contains("bank_card", task.GetProperty("missing").EnumerateArray().Select(m => m.GetString()));
    }

    [Fact]
    public async Task Detail_AfterTakeOver_TranscriptOfUserBotAndSystemLinesThenOnlyNewer()
    {
        var user = await HandedOffUserAsync("你好");
        using var alice = server.As(Alice);
        (await PostAsync(alice, Path(user, "takeover"))).EnsureSuccessStatusCode();
        await user.SayAsync("我的公积金账户被封存了");

        var detail = await alice.GetFromJsonAsync<JsonElement>(Path(user));
        var lines = detail.GetProperty("transcript").EnumerateArray().ToList();
        var last = lines[^1].GetProperty("id").GetInt64();
        (await PostAsync(alice, Path(user, "messages"), new { text = "请问封存多久了？" })).EnsureSuccessStatusCode();
        var newer = await alice.GetFromJsonAsync<JsonElement>(Path(user) + "?after=" + last);

        Assert.Equal(["user", "bot", "user", "system", "user"], lines.Select(l => l.GetProperty("speaker").GetString()));
        Assert.Equal("人工客服alice已接入，将为您继续服务。", lines[3].GetProperty("text").GetString());
        Assert.Equal("我的公积金账户被封存了", lines[4].GetProperty("text").GetString());
        var added = Assert.Single(newer.GetProperty("transcript").EnumerateArray());
        Assert.Equal(("agent", "alice", "请问封存多久了？"), (added.GetProperty("speaker").GetString(), added.GetProperty("agent").GetString(), added.GetProperty("text").GetString()));
        Assert.Equal("active", detail.GetProperty("conversation").GetProperty("state").GetString());
    }

    [Fact]
    public async Task Suggestions_LatestUserMessage_RepliesWithCitations()
    {
        var user = await HandedOffUserAsync();
        await user.SayAsync("租房能提公积金吗");
        using var alice = server.As(Alice);

        var suggestions = await alice.GetFromJsonAsync<JsonElement>(Path(user, "suggestions"));

        var first = suggestions[0];
        Assert.StartsWith("关于“租房能提公积金吗”", first.GetProperty("text").GetString());
        Assert.Equal("一、(一)", first.GetProperty("citations")[0].GetProperty("section").GetString());
    }

    [Fact]
    public async Task Messages_AgentWhoDoesNotHoldIt_409()
    {
        var user = await HandedOffUserAsync();
        using var alice = server.As(Alice);
        using var bob = server.As(Bob);

        using var waiting = await PostAsync(alice, Path(user, "messages"), new { text = "您好" });
        (await PostAsync(alice, Path(user, "takeover"))).EnsureSuccessStatusCode();
        using var other = await PostAsync(bob, Path(user, "messages"), new { text = "您好" });

        Assert.Equal(HttpStatusCode.Conflict, waiting.StatusCode);
        Assert.Equal("not_taken", (await JsonOf(waiting)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Conflict, other.StatusCode);
        Assert.Equal("taken_by_other", (await JsonOf(other)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Messages_BadBodies_400ProblemDetails()
    {
        var user = await HandedOffUserAsync();
        using var alice = server.As(Alice);
        (await PostAsync(alice, Path(user, "takeover"))).EnsureSuccessStatusCode();

        using var empty = await PostAsync(alice, Path(user, "messages"), new { text = "  " });
        using var missing = await PostAsync(alice, Path(user, "messages"), new { });
        using var tooLong = await PostAsync(alice, Path(user, "messages"), new { text = new string('长', 2001) });
        using var malformed = await alice.PostAsync(Path(user, "messages"), new StringContent("{\"text\":", Encoding.UTF8, "application/json"));
        using var noJson = await alice.PostAsync(Path(user, "messages"), new StringContent("text=hi", Encoding.UTF8, "text/plain"));

        foreach (var response in new[] { empty, missing, tooLong, malformed, noJson })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
            Assert.False(string.IsNullOrEmpty((await JsonOf(response)).GetProperty("detail").GetString()));
        }
    }

    [Fact]
    public async Task Messages_FlaggedDraft_422UntilOverrideThenSentAndAudited()
    {
        var user = await HandedOffUserAsync();
        using var alice = server.As(Alice);
        using var sue = server.As(Sue);
        (await PostAsync(alice, Path(user, "takeover"))).EnsureSuccessStatusCode();
        var draft = $"您的身份证号是{ZhangWei}，请核对。";
        var citation = new { source = "住房公积金提取管理办法", section = "一、(一)", text = "……" };

        using var check = await PostAsync(alice, Path(user, "draft-check"), new { text = draft });
        using var refused = await PostAsync(alice, Path(user, "messages"), new { text = draft, citations = new[] { citation } });
        using var sent = await PostAsync(alice, Path(user, "messages"), new { text = draft, @override = true, citations = new[] { citation } });
        var audit = await sue.GetFromJsonAsync<JsonElement>(Path(user, "audit"));

        Assert.Equal("personal_data", (await JsonOf(check)).GetProperty("flags")[0].GetProperty("kind").GetString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal("draft_flagged", (await JsonOf(refused)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        var result = await JsonOf(sent);
        Assert.True(result.GetProperty("delivered").GetBoolean());
        Assert.Equal("personal_data", result.GetProperty("flags")[0].GetProperty("kind").GetString());
        var actions = audit.EnumerateArray().Select(e => (e.GetProperty("actor").GetString(), e.GetProperty("action").GetString())).ToList();
        Assert.Equal([("system", "handoff"), ("alice", "takeover"), ("alice", "message"), ("alice", "override")], actions);
        var message = audit[2];
        Assert.Equal(draft, message.GetProperty("detail").GetString());
        Assert.Equal("《住房公积金提取管理办法》一、(一)", message.GetProperty("cited")[0].GetString());
        Assert.Contains("personal_data", audit[3].GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Release_ByHolder_BotAnswersAgainAndQueueNoLongerListsIt()
    {
        var user = await HandedOffUserAsync();
        using var alice = server.As(Alice);
        using var bob = server.As(Bob);
        (await PostAsync(alice, Path(user, "takeover"))).EnsureSuccessStatusCode();

        using var notHolder = await PostAsync(bob, Path(user, "release"));
        using var released = await PostAsync(alice, Path(user, "release"));
        var turn = await user.SayAsync("我要提取公积金");
        var queue = await alice.GetFromJsonAsync<JsonElement>("api/agent/conversations");
        var closed = await alice.GetFromJsonAsync<JsonElement>("api/agent/conversations?state=closed");

        Assert.Equal(HttpStatusCode.Conflict, notHolder.StatusCode);
        Assert.Equal(HttpStatusCode.OK, released.StatusCode);
        Assert.Equal(("closed", "released"), ((await JsonOf(released)).GetProperty("state").GetString(), (await JsonOf(released)).GetProperty("outcome").GetString()));
        Assert.False(turn.Handoff);
        Assert.Equal("fund_withdrawal", turn.TaskName);
        Assert.DoesNotContain(queue.EnumerateArray(), i => i.GetProperty("conversationId").GetString() == user.ConversationId);
        Assert.Contains(closed.EnumerateArray(), i => i.GetProperty("conversationId").GetString() == user.ConversationId);
    }

    [Fact]
    public async Task Close_WithOutcome_ClosedWithItAndBadInputRefused()
    {
        var user = await HandedOffUserAsync();
        using var alice = server.As(Alice);
        using var sue = server.As(Sue);
        (await PostAsync(alice, Path(user, "takeover"))).EnsureSuccessStatusCode();

        using var noOutcome = await PostAsync(alice, Path(user, "close"), new { outcome = "" });
        using var closed = await PostAsync(alice, Path(user, "close"), new { outcome = "已电话回访，问题解决" });
        using var again = await PostAsync(alice, Path(user, "close"), new { outcome = "重复" });
        var audit = await sue.GetFromJsonAsync<JsonElement>(Path(user, "audit"));

        Assert.Equal(HttpStatusCode.BadRequest, noOutcome.StatusCode);
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        Assert.Equal("已电话回访，问题解决", (await JsonOf(closed)).GetProperty("outcome").GetString());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("handoff_closed", (await JsonOf(again)).GetProperty("code").GetString());
        var last = audit.EnumerateArray().Last();
        Assert.Equal(("close", "已电话回访，问题解决"), (last.GetProperty("action").GetString(), last.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task Supervisor_ReleasesConversationAnotherAgentHolds()
    {
        var user = await HandedOffUserAsync();
        using var alice = server.As(Alice);
        using var sue = server.As(Sue);
        (await PostAsync(alice, Path(user, "takeover"))).EnsureSuccessStatusCode();

        using var released = await PostAsync(sue, Path(user, "release"));

        Assert.Equal(HttpStatusCode.OK, released.StatusCode);
        Assert.False((await user.SayAsync("你好")).Handoff);
    }

    [Theory]
    [InlineData("GET", "")]
    [InlineData("POST", "takeover")]
    [InlineData("POST", "release")]
    public async Task UnknownConversation_404Problem(string method, string action)
    {
        using var alice = server.As(Alice);
        var path = "api/agent/conversations/c-unknown" + (action.Length == 0 ? "" : "/" + action);

        using var response = await alice.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("not_found", (await JsonOf(response)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Task_AgentFillsForm_UserIsPromptedAndStillConfirmsAfterRelease()
    {
        var user = await HandedOffUserAsync();
        using var alice = server.As(Alice);
        using var sue = server.As(Sue);
        (await PostAsync(alice, Path(user, "takeover"))).EnsureSuccessStatusCode();

        using var filled = await PostAsync(alice, Path(user, "task"), new
        {
            name = "fund_withdrawal",
            slots = new Dictionary<string, string> { ["id_number"] = ZhangWei, ["reason"] = "租房", ["amount"] = "两千块", ["bank_card"] = "6217001234567890123" },
        });
        var result = await JsonOf(filled);
        (await PostAsync(alice, Path(user, "release"))).EnsureSuccessStatusCode();
        var card = await user.SayAsync("6217001234567890122");
        var confirmed = await user.SayAsync("确认");
        var audit = await sue.GetFromJsonAsync<JsonElement>(Path(user, "audit"));

        Assert.Equal(HttpStatusCode.OK, filled.StatusCode);
        var task = result.GetProperty("task");
        Assert.Equal(("fund_withdrawal", "collecting"), (task.GetProperty("name").GetString(), task.GetProperty("state").GetString()));
        Assert.Equal("1304**********4510", task.GetProperty("slots").GetProperty("id_number").GetString());
        Assert.Equal("2000", task.GetProperty("slots").GetProperty("amount").GetString());
        Assert.Equal(["bank_card"], task.GetProperty("missing").EnumerateArray().Select(m => m.GetString()));
        Assert.True(result.GetProperty("refused").TryGetProperty("bank_card", out _));
        Assert.Contains("银行卡", result.GetProperty("prompt").GetString());
        Assert.True(result.GetProperty("delivered").GetBoolean());
        Assert.Equal("confirming", card.State);
        Assert.Equal("submitted", confirmed.State);
        Assert.StartsWith("GJJ-", confirmed.Ticket);
        Assert.Contains(audit.EnumerateArray(), e => e.GetProperty("action").GetString() == "task"
            && e.GetProperty("detail").GetString() == "fund_withdrawal: id_number, reason, amount");
    }

    [Fact]
    public async Task Task_UnknownTaskOrNotHeld_Refused()
    {
        var user = await HandedOffUserAsync();
        using var alice = server.As(Alice);

        using var notHeld = await PostAsync(alice, Path(user, "task"), new { name = "fund_withdrawal", slots = new { amount = "2000" } });
        (await PostAsync(alice, Path(user, "takeover"))).EnsureSuccessStatusCode();
        using var unknown = await PostAsync(alice, Path(user, "task"), new { name = "pay_taxes" });
        using var empty = await PostAsync(alice, Path(user, "task"), new { name = "fund_withdrawal", slots = new { amount = " " } });

        Assert.Equal(HttpStatusCode.Conflict, notHeld.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
    }

    [Fact]
    public async Task Queue_UnknownState_400()
    {
        using var alice = server.As(Alice);

        using var response = await alice.GetAsync("api/agent/conversations?state=lost");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
