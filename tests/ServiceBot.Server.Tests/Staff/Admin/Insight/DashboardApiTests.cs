using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using ServiceBot.Server.Tests.Chat;

namespace ServiceBot.Server.Tests.Staff.Admin.Insight;

/// <summary>
/// Conversations seeded through real <c>/api/chat</c> turns and <c>/api/feedback</c> ratings on two days of the service's
/// zone, then every dashboard figure checked against counts taken from the state database with SQL.
/// </summary>
public sealed class DashboardApiTests(InsightServer server) : IClassFixture<InsightServer>, IAsyncLifetime
{
    private const string FrontLoaded = "我要提取公积金，身份证130402199003074510，租房，提取3000元，银行卡6217001234567890122";
    private static readonly SemaphoreSlim Seeded = new(1, 1);
    private static bool _seeded;

    public async Task InitializeAsync()
    {
        await Seeded.WaitAsync();
        try
        {
            if (!_seeded) await SeedAsync();
            _seeded = true;
        }
        finally
        {
            Seeded.Release();
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>
    /// 2026-11-27 23:30 and 2026-11-28 00:30 in Beijing are both 2026-11-27 in UTC: the dashboard must split them.
    /// </summary>
    private async Task SeedAsync()
    {
        server.At("2026-11-27 23:30");
        var asker = new ChatSession(server.Http);
        var answered = await asker.SayAsync("骑手每天跑十几个小时，休息权有保障吗？");
        Assert.True(answered.CitationCount > 0);
        await RateAsync(asker, answered, "up");
        await new ChatSession(server.Http).SayAsync("帮我订一张去上海的机票");
        await new ChatSession(server.Http).SayAsync("帮我订一张 去上海的机票！");
        // The second refusal in a row hands the conversation to a person; it still counts as an unanswered question.
        var stargazer = new ChatSession(server.Http);
        await stargazer.SayAsync("火星上有几个月亮");
        Assert.True((await stargazer.SayAsync("量子计算机的原理是什么")).Handoff);

        server.At("2026-11-28 00:30");
        var quitter = new ChatSession(server.Http);
        await quitter.SayAsync("我想提取公积金");
        await quitter.SayAsync("130402199003074510");
        var submitter = new ChatSession(server.Http);
        var confirm = await submitter.SayAsync(FrontLoaded);
        var submitted = await submitter.SayAsync("确认");
        Assert.Equal("submitted", submitted.State);
        await RateAsync(submitter, submitted, "up");
        await RateAsync(submitter, confirm, "down");
        var handedOff = new ChatSession(server.Http);
        Assert.True((await handedOff.SayAsync("转人工客服")).Handoff);

        // The day after the period: counted nowhere.
        server.At("2026-11-29 09:00");
        await new ChatSession(server.Http).SayAsync("帮我订一张去上海的机票");
    }

    private async Task RateAsync(ChatSession session, ChatTurn turn, string rating)
    {
        var messageId = session.UserId + "-rated-" + rating + Guid.NewGuid().ToString("N")[..6];
        // Feedback names the user message an answer replied to; any message id of the conversation stands for it here.
        using var response = await server.Http.PostAsJsonAsync("api/feedback",
            new { conversationId = turn.ConversationId, messageId, rating, userToken = session.UserToken });
        response.EnsureSuccessStatusCode();
    }

    private async Task<JsonElement> DashboardAsync(string query)
    {
        using var admin = server.As(InsightServer.AdminToken);
        using var response = await admin.GetAsync("api/admin/dashboard" + query);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={server.StateDatabasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        // The period 2026-11-27..28 in Beijing time is [2026-11-26T16:00Z, 2026-11-28T16:00Z).
        command.CommandText = sql.Replace("$period", "'2026-11-26T16:00:00' <= at AND at < '2026-11-28T16:00:00'", StringComparison.Ordinal)
            .Replace("$rated", "'2026-11-26T16:00:00' <= created_at AND created_at < '2026-11-28T16:00:00'", StringComparison.Ordinal);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task Dashboard_SeededPeriod_TotalsAndRatesMatchTheStore()
    {
        var report = await DashboardAsync("?from=2026-11-27&to=2026-11-28");
        var totals = report.GetProperty("totals");

        var turns = await CountAsync("SELECT COUNT(*) FROM turns WHERE $period");
        var grounded = await CountAsync("SELECT COUNT(*) FROM turns WHERE $period AND outcome = 'grounded'");
        var refused = await CountAsync("SELECT COUNT(*) FROM turns WHERE $period AND outcome = 'refusal'");
        var outOfScope = await CountAsync("SELECT COUNT(*) FROM turns WHERE $period AND outcome = 'out_of_scope'");
        var conversations = await CountAsync("SELECT COUNT(DISTINCT conversation_id) FROM turns WHERE $period");
        var handedOff = await CountAsync("SELECT COUNT(DISTINCT conversation_id) FROM turns WHERE $period AND handed_off = 1");
        var users = await CountAsync("SELECT COUNT(DISTINCT channel || user_hash) FROM turns WHERE $period");

        Assert.Equal((turns, grounded, refused, outOfScope), (totals.GetProperty("turns").GetInt64(), totals.GetProperty("grounded").GetInt64(),
            totals.GetProperty("refused").GetInt64(), totals.GetProperty("outOfScope").GetInt64()));
        Assert.Equal((conversations, handedOff, users),
            (totals.GetProperty("conversations").GetInt64(), totals.GetProperty("handedOff").GetInt64(), totals.GetProperty("users").GetInt64()));
        Assert.Equal((1L, 4L, 7L, 2L), (grounded, refused + outOfScope, conversations, handedOff));
        var rates = report.GetProperty("rates");
        var questions = grounded + refused + outOfScope;
        Assert.Equal(Math.Round((double)grounded / questions, 4), rates.GetProperty("grounded").GetDouble());
        Assert.Equal(Math.Round((double)refused / questions, 4), rates.GetProperty("refusal").GetDouble());
        Assert.Equal(Math.Round((double)handedOff / conversations, 4), rates.GetProperty("handoff").GetDouble());
    }

    [Fact]
    public async Task Dashboard_SeededPeriod_SatisfactionMatchesTheFeedbackTable()
    {
        var satisfaction = (await DashboardAsync("?from=2026-11-27&to=2026-11-28")).GetProperty("satisfaction");

        var up = await CountAsync("SELECT COUNT(*) FROM feedback WHERE $rated AND rating = 'up'");
        var down = await CountAsync("SELECT COUNT(*) FROM feedback WHERE $rated AND rating = 'down'");

        Assert.Equal((2L, 1L), (up, down));
        Assert.Equal((up, down), (satisfaction.GetProperty("up").GetInt64(), satisfaction.GetProperty("down").GetInt64()));
        Assert.Equal(Math.Round((double)up / (up + down), 4), satisfaction.GetProperty("rate").GetDouble());
    }

    [Fact]
    public async Task Dashboard_TurnsEitherSideOfBeijingMidnight_CountedOnTheirServiceDayByChannel()
    {
        var days = (await DashboardAsync("?from=2026-11-27&to=2026-11-28")).GetProperty("days").EnumerateArray().ToList();

        Assert.Equal(["2026-11-27", "2026-11-28"], days.Select(d => d.GetProperty("date").GetString()));
        foreach (var day in days)
        {
            var date = day.GetProperty("date").GetString();
            var perChannel = await CountAsync(
                $"SELECT COUNT(*) FROM turns WHERE $period AND channel = 'api' AND date(at, '+8 hours') = '{date}'");
            Assert.True(perChannel > 0, date);
            Assert.Equal(perChannel, day.GetProperty("channels").GetProperty("api").GetInt64());
            Assert.Equal(perChannel, day.GetProperty("total").GetInt64());
        }
    }

    [Fact]
    public async Task Dashboard_FundWithdrawalRuns_FunnelAndAbandonedSlotMatchTheStore()
    {
        var funnel = (await DashboardAsync("?from=2026-11-27&to=2026-11-28")).GetProperty("funnels").EnumerateArray()
            .Single(f => f.GetProperty("task").GetString() == "fund_withdrawal");

        const string Runs = "SELECT COUNT(DISTINCT task_run) FROM turns WHERE $period AND task_name = 'fund_withdrawal'";
        var started = await CountAsync(Runs);
        var allSlots = await CountAsync(Runs + " AND task_state IN ('confirming', 'submitted', 'failed')");
        var confirmed = await CountAsync(Runs + " AND task_state IN ('submitted', 'failed')");
        var submitted = await CountAsync(Runs + " AND task_state = 'submitted'");
        var lastAsked = await CountAsync("""
            SELECT COUNT(*) FROM turns t WHERE $period AND task_name = 'fund_withdrawal' AND asked_slot = 'reason'
            AND id = (SELECT MAX(id) FROM turns WHERE task_run = t.task_run)
            """);

        Assert.Equal((2L, 1L, 1L, 1L, 1L), (started, allSlots, confirmed, submitted, lastAsked));
        Assert.Equal((started, allSlots, confirmed, submitted), (funnel.GetProperty("started").GetInt64(), funnel.GetProperty("allSlots").GetInt64(),
            funnel.GetProperty("confirmed").GetInt64(), funnel.GetProperty("submitted").GetInt64()));
        var abandoned = Assert.Single(funnel.GetProperty("abandoned").EnumerateArray());
        Assert.Equal(("reason", lastAsked), (abandoned.GetProperty("slot").GetString(), abandoned.GetProperty("runs").GetInt64()));
    }

    [Fact]
    public async Task Dashboard_UnansweredQuestions_GroupedByNormalisedTextMostFrequentFirst()
    {
        var unanswered = (await DashboardAsync("?from=2026-11-27&to=2026-11-28")).GetProperty("unanswered").EnumerateArray().ToList();

        var rows = await CountAsync("SELECT COUNT(*) FROM turns WHERE $period AND outcome IN ('refusal', 'out_of_scope')");
        Assert.Equal(rows, unanswered.Sum(q => q.GetProperty("count").GetInt64()));
        Assert.Equal(4, rows);
        Assert.Equal(3, unanswered.Count);
        Assert.Equal(("帮我订一张 去上海的机票！", 2), (unanswered[0].GetProperty("question").GetString(), unanswered[0].GetProperty("count").GetInt32()));
        Assert.Contains(unanswered, q => q.GetProperty("question").GetString() == "量子计算机的原理是什么");
    }

    [Theory]
    [InlineData("?from=2026-13-01")]
    [InlineData("?from=2026-11-28&to=2026-11-27")]
    [InlineData("?from=2020-01-01&to=2026-11-27")]
    public async Task Dashboard_BadPeriod_400WithChineseMessage(string query)
    {
        using var admin = server.As(InsightServer.AdminToken);

        using var response = await admin.GetAsync("api/admin/dashboard" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("invalid_request", problem.GetProperty("code").GetString());
        Assert.Matches("[\u4e00-\u9fff]", problem.GetProperty("detail").GetString()!);
    }
}
