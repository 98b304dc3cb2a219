using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ServiceBot.Handoff;
using ServiceBot.Server.Staff.Admin;
using ServiceBot.Server.Staff.Admin.Review;
using ServiceBot.Server.Tests.Chat;
using static ServiceBot.Server.Tests.Staff.Admin.AdminServer;

namespace ServiceBot.Server.Tests.Staff.Admin.Review;

/// <summary>The review queue over real HTTP: who may use it, how it groups, and each action with its audit entry.</summary>
public sealed class ReviewApiTests(AdminServer server) : IClassFixture<AdminServer>
{
    /// <summary>Answered from 四、(八) of the repository's policy, whose 相似问法 name it word for word.</summary>
    private const string FundQuestion = "骑手能交住房公积金吗";

    public static TheoryData<string, string> ReviewRoutes => new()
    {
        { "GET", "api/admin/review" },
        { "POST", "api/admin/review/similar-question" },
        { "POST", "api/admin/review/out-of-scope" },
        { "POST", "api/admin/review/curated-answer" },
    };

    [Theory]
    [MemberData(nameof(ReviewRoutes))]
    public async Task Route_AgentOrSupervisor_Forbidden(string method, string path)
    {
        foreach (var token in new[] { AgentToken, SupervisorToken })
        {
            using var client = server.As(token);
            using var response = await client.SendAsync(Request(method, path));
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }
    }

    [Theory]
    [MemberData(nameof(ReviewRoutes))]
    public async Task Route_NoOrWrongToken_Unauthorized(string method, string path)
    {
        using var wrong = server.As("not-a-staff-token");

        using var anonymousResponse = await server.Http.SendAsync(Request(method, path));
        using var wrongResponse = await wrong.SendAsync(Request(method, path));

        Assert.Equal(HttpStatusCode.Unauthorized, anonymousResponse.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongResponse.StatusCode);
    }

    [Fact]
    public async Task Review_RefusalsThumbsDownAndHandoff_GroupedByWordingMostFrequentFirstAndMasked()
    {
        foreach (var wording in new[] { "火星上的气温是多少度", "火星上的气温是多少度？", "请问火星上的气温是多少度啊" })
            Assert.Equal(0, (await new ChatSession(server.Http).SayAsync(wording)).CitationCount);
        var rated = new ChatSession(server.Http);
        var answer = await rated.SayAsync(FundQuestion, messageId: "review-fund-1");
        Assert.True(answer.CitationCount > 0);
        using (var feedback = await server.Http.PostAsJsonAsync("api/feedback", new
               {
                   conversationId = answer.ConversationId, messageId = "review-fund-1", rating = "down", comment = "没说怎么交，回电 13812345678",
               }))
            Assert.Equal(HttpStatusCode.OK, feedback.StatusCode);
        var handedOff = new ChatSession(server.Http);
        await handedOff.SayAsync("骑手能不能交住房公积金");
        Assert.True((await handedOff.SayAsync("转人工")).Handoff);

        using var admin = server.As(AdminToken);
        var queue = await JsonOf(await admin.GetAsync("api/admin/review"));

        Assert.Equal(30, queue.GetProperty("days").GetInt32());
        var groups = queue.GetProperty("groups").EnumerateArray().ToList();
        var mars = Assert.Single(groups, g => g.GetProperty("question").GetString()!.Contains("火星", StringComparison.Ordinal));
        Assert.Equal(3, mars.GetProperty("count").GetInt32());
        Assert.Equal(["refusal"], Strings(mars.GetProperty("kinds")));
        var fund = Assert.Single(groups, g => g.GetProperty("question").GetString()!.Contains("公积金", StringComparison.Ordinal));
        Assert.Equal(2, fund.GetProperty("count").GetInt32());
        Assert.Equal(["handoff", "thumbs_down"], Strings(fund.GetProperty("kinds")).Order(StringComparer.Ordinal));
        Assert.Contains("《关于加强新就业群体服务管理的意见》四、(八)", Strings(fund.GetProperty("cited")));
        var examples = fund.GetProperty("examples").EnumerateArray().ToList();
        var thumbsDown = Assert.Single(examples, e => e.GetProperty("kind").GetString() == "thumbs_down");
        Assert.Equal(FundQuestion, thumbsDown.GetProperty("question").GetString());
        Assert.Equal("没说怎么交，回电 138****5678", thumbsDown.GetProperty("comment").GetString());
        var handoff = Assert.Single(examples, e => e.GetProperty("kind").GetString() == "handoff");
        Assert.Equal("user_request", handoff.GetProperty("reason").GetString());
        Assert.True(groups.IndexOf(mars) < groups.IndexOf(fund), "the more frequent group comes first");
        Assert.DoesNotContain("13812345678", queue.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OutOfScope_Group_LeavesTheQueueStaysOutWhenAskedAgainAndIsAudited()
    {
        const string Question = "土星的卫星有几颗";
        await new ChatSession(server.Http).SayAsync(Question);
        using var admin = server.As(AdminToken);
        Assert.Contains(Question, await QueueQuestionsAsync(admin));

        using var decided = await admin.PostAsJsonAsync("api/admin/review/out-of-scope", new { question = Question });

        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        Assert.DoesNotContain(Question, await QueueQuestionsAsync(admin));
        await new ChatSession(server.Http).SayAsync("土星的卫星有几颗？");
        Assert.DoesNotContain(await QueueQuestionsAsync(admin), q => q.Contains("土星", StringComparison.Ordinal));
        var entry = Assert.Single(await AdminTrailAsync(), e => e.Action == AdminAuditActions.ReviewOutOfScope);
        Assert.Equal("ada", entry.Actor);
        var detail = JsonDocument.Parse(entry.Detail!).RootElement;
        Assert.Equal("open", detail.GetProperty("before").GetProperty("state").GetString());
        Assert.Equal("out_of_scope", detail.GetProperty("after").GetProperty("state").GetString());
        Assert.Equal(Question, detail.GetProperty("after").GetProperty("question").GetString());
    }

    [Fact]
    public async Task SimilarQuestion_AttachThenReindex_TheSameQuestionAnswersCitingTheClause()
    {
        const string Question = ReviewScenario.RefusedQuestion;
        var before = await new ChatSession(server.Http).SayAsync(Question);
        Assert.Equal(0, before.CitationCount);
        using var admin = server.As(AdminToken);
        Assert.Contains(Question, await QueueQuestionsAsync(admin));

        using var attached = await admin.PostAsJsonAsync("api/admin/review/similar-question",
            new { question = Question, source = ReviewScenario.Source, section = ReviewScenario.Section });

        Assert.Equal(HttpStatusCode.OK, attached.StatusCode);
        Assert.True((await JsonOf(attached)).GetProperty("reindexRequired").GetBoolean());
        var file = await File.ReadAllTextAsync(Path.Combine(server.UploadFolder, "questions", "review.txt"));
        Assert.Equal($"# 《{ReviewScenario.Source}》\n## {ReviewScenario.Section}\n- {Question}\n", file);
        Assert.DoesNotContain(Question, await QueueQuestionsAsync(admin));
        var entry = Assert.Single(await AdminTrailAsync(), e => e.Action == AdminAuditActions.ReviewSimilarQuestion);
        Assert.Equal("ada", entry.Actor);
        var detail = JsonDocument.Parse(entry.Detail!).RootElement;
        Assert.Equal(0, detail.GetProperty("before").GetProperty("questions").GetArrayLength());
        Assert.Equal([Question], Strings(detail.GetProperty("after").GetProperty("questions")));
        // Not answered until the re-index swaps the new knowledge in.
        Assert.Equal(0, (await new ChatSession(server.Http).SayAsync(Question)).CitationCount);

        Assert.Equal("succeeded", (await AdminHttp.ReindexAsync(admin))[^1].GetProperty("state").GetString());

        var after = await new ChatSession(server.Http).SayAsync(Question);
        var citation = after.Json.GetProperty("citations")[0];
        Assert.Equal(ReviewScenario.Source, citation.GetProperty("source").GetString());
        Assert.Equal(ReviewScenario.Section, citation.GetProperty("section").GetString());
        Assert.Equal("current", citation.GetProperty("validity").GetString());
    }

    [Fact]
    public async Task SimilarQuestion_UnknownClauseOrEmptyQuestion_ClearProblem()
    {
        using var admin = server.As(AdminToken);

        using var unknown = await admin.PostAsJsonAsync("api/admin/review/similar-question", new { question = "某个问题", source = "不存在的文件", section = "第一条" });
        using var empty = await admin.PostAsJsonAsync("api/admin/review/similar-question", new { question = " ？ ", source = ReviewScenario.Source, section = ReviewScenario.Section });
        using var malformed = await admin.PostAsync("api/admin/review/out-of-scope", new StringContent("{", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("不存在的文件", (await JsonOf(unknown)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.True((await JsonOf(empty)).GetProperty("errors").TryGetProperty("question", out _));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
    }

    [Fact]
    public async Task CuratedAnswer_SaveThenReindex_TheQuestionIsAnsweredWithTheTextCitingTheClause()
    {
        const string Question = CuratedScenario.Question;
        Assert.Equal(0, (await new ChatSession(server.Http).SayAsync(Question)).CitationCount);
        using var admin = server.As(AdminToken);
        Assert.Contains(Question, await QueueQuestionsAsync(admin));

        using var saved = await admin.PostAsJsonAsync("api/admin/review/curated-answer", new
        {
            questions = new[] { Question, "骑手过节有没有月饼 电话13812345678" },
            answer = CuratedScenario.Answer,
            citations = new[] { new { source = $"《{CuratedScenario.Source}》", section = CuratedScenario.Section } },
        });

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var body = await JsonOf(saved);
        Assert.False(body.GetProperty("replaced").GetBoolean());
        Assert.Equal([Question, "骑手过节有没有月饼 电话"], Strings(body.GetProperty("questions")));
        var file = Path.Combine(server.UploadFolder, body.GetProperty("id").GetString() + ".md");
        var markdown = await File.ReadAllTextAsync(file);
        Assert.StartsWith($"---\ntitle: 精选答复：{Question}\ntype: qa\ncites:\n  - 《{CuratedScenario.Source}》{CuratedScenario.Section}\n---\n", markdown);
        Assert.DoesNotContain("13812345678", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain(Question, await QueueQuestionsAsync(admin));
        var entry = Assert.Single(await AdminTrailAsync(), e => e.Action == AdminAuditActions.ReviewCuratedAnswer);
        Assert.Equal("ada", entry.Actor);
        var detail = JsonDocument.Parse(entry.Detail!).RootElement;
        Assert.Equal(JsonValueKind.Null, detail.GetProperty("before").ValueKind);
        Assert.Equal(CuratedScenario.Answer, detail.GetProperty("after").GetProperty("answer").GetString());
        Assert.Equal(CuratedScenario.Section, detail.GetProperty("after").GetProperty("citations")[0].GetProperty("section").GetString());
        // Not answered until the re-index swaps the new knowledge in.
        Assert.Equal(0, (await new ChatSession(server.Http).SayAsync(Question)).CitationCount);

        Assert.Equal("succeeded", (await AdminHttp.ReindexAsync(admin))[^1].GetProperty("state").GetString());

        var after = await new ChatSession(server.Http).SayAsync(Question);
        Assert.StartsWith(CuratedScenario.Answer, after.Json.GetProperty("reply").GetString());
        var citation = Assert.Single(after.Json.GetProperty("citations").EnumerateArray());
        Assert.Equal(CuratedScenario.Source, citation.GetProperty("source").GetString());
        Assert.Equal(CuratedScenario.Section, citation.GetProperty("section").GetString());
        Assert.Equal("current", citation.GetProperty("validity").GetString());
        var hitTest = await JsonOf(await admin.GetAsync("api/admin/hittest?q=" + Uri.EscapeDataString(Question)));
        var curatedHit = Assert.Single(hitTest.GetProperty("hits").EnumerateArray(), h => h.GetProperty("type").GetString() == "qa");
        Assert.StartsWith("精选答复：", curatedHit.GetProperty("source").GetString());
        Assert.Equal(CuratedScenario.Section, hitTest.GetProperty("answer").GetProperty("citations")[0].GetProperty("section").GetString());
        var documents = await JsonOf(await admin.GetAsync("api/admin/documents"));
        var listed = Assert.Single(documents.EnumerateArray(), d => d.GetProperty("type").GetString() == "qa");
        Assert.False(listed.GetProperty("replaceable").GetBoolean());

        using var replaced = await admin.PostAsJsonAsync("api/admin/review/curated-answer", new
        {
            questions = new[] { Question }, answer = "以平台企业的规定为准。",
            citations = new[] { new { source = CuratedScenario.Source, section = CuratedScenario.Section } },
        });
        Assert.True((await JsonOf(replaced)).GetProperty("replaced").GetBoolean());
        var second = (await AdminTrailAsync()).Last(e => e.Action == AdminAuditActions.ReviewCuratedAnswer);
        Assert.Equal(CuratedScenario.Answer, JsonDocument.Parse(second.Detail!).RootElement.GetProperty("before").GetProperty("answer").GetString());
    }

    [Fact]
    public async Task CuratedAnswer_UnknownClauseEmptyTextOrTooManyClauses_400WithAChineseMessage()
    {
        using var admin = server.As(AdminToken);
        var clause = new { source = CuratedScenario.Source, section = CuratedScenario.Section };

        using var unknown = await admin.PostAsJsonAsync("api/admin/review/curated-answer",
            new { questions = new[] { "某个问题" }, answer = "答复", citations = new[] { new { source = "不存在的文件", section = "第一条" } } });
        using var empty = await admin.PostAsJsonAsync("api/admin/review/curated-answer",
            new { questions = new[] { "某个问题" }, answer = " \n ", citations = new[] { clause } });
        using var tooMany = await admin.PostAsJsonAsync("api/admin/review/curated-answer",
            new { questions = new[] { "某个问题" }, answer = "答复", citations = new[] { clause, clause with { section = "三、(四)" }, clause with { section = "三、(六)" }, clause with { section = "三、(七)" } } });
        using var noQuestion = await admin.PostAsJsonAsync("api/admin/review/curated-answer",
            new { questions = new[] { "？" }, answer = "答复", citations = new[] { clause } });
        using var tooLong = await admin.PostAsJsonAsync("api/admin/review/curated-answer",
            new { questions = new[] { "某个问题" }, answer = new string('答', ReviewApi.MaxAnswerLength + 1), citations = new[] { clause } });

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal("知识库中没有《不存在的文件》第一条，请先检索并选择一个条款。", (await JsonOf(unknown)).GetProperty("errors").GetProperty("citations")[0].GetString());
        Assert.Equal("答复内容（answer）不能为空。", (await JsonOf(empty)).GetProperty("errors").GetProperty("answer")[0].GetString());
        Assert.Equal("请选择 1 到 3 个引用条款（citations）。", (await JsonOf(tooMany)).GetProperty("errors").GetProperty("citations")[0].GetString());
        Assert.True((await JsonOf(noQuestion)).GetProperty("errors").TryGetProperty("questions", out _));
        Assert.True((await JsonOf(tooLong)).GetProperty("errors").TryGetProperty("answer", out _));
        Assert.All(new[] { empty, tooMany, noQuestion, tooLong }, r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
        Assert.False(Directory.Exists(Path.Combine(server.UploadFolder, "answers")) && Directory.EnumerateFiles(Path.Combine(server.UploadFolder, "answers")).Any(f => File.ReadAllText(f).Contains("某个问题", StringComparison.Ordinal)));
    }

    private static HttpRequestMessage Request(string method, string path)
        => new(new HttpMethod(method), path) { Content = method == "POST" ? JsonContent.Create(new { question = "问题" }) : null };

    private static IEnumerable<string> Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToList();

    private static async Task<IReadOnlyList<string>> QueueQuestionsAsync(HttpClient admin)
        => (await JsonOf(await admin.GetAsync("api/admin/review"))).GetProperty("groups").EnumerateArray()
            .SelectMany(g => g.GetProperty("examples").EnumerateArray().Select(e => e.GetProperty("question").GetString()!)).ToList();

    private Task<IReadOnlyList<AuditEntry>> AdminTrailAsync()
        => server.Services.GetRequiredService<IAuditLog>().ListAsync(AdminAudit.Trail, CancellationToken.None);
}
