using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using ServiceBot.Answers;
using ServiceBot.Answers.HitTesting;
using ServiceBot.Knowledge;
using ServiceBot.Retrieval.Ranking;
using ServiceBot.Server.Http;

namespace ServiceBot.Server.Staff.Admin.HitTest;

/// <summary>
/// <c>GET /api/admin/hittest?q=…&amp;top=5</c>: the browser face of <c>search --explain</c>. The body is the CLI's JSON
/// (<see cref="HitTestJson"/>) plus <c>labels</c> (each ranking feature's name) and <c>answer</c>: what the running
/// service would answer — grounded or refused, with its citations.
/// </summary>
public static class HitTestApi
{
    private const int DefaultTop = 5, MaxTop = 20, MaxQuestionLength = 500;

    public static RouteGroupBuilder MapHitTestApi(this RouteGroupBuilder admin)
    {
        admin.MapGet("/hittest", HitTestAsync);
        return admin;
    }

    private static async Task<IResult> HitTestAsync(string? q, string? top, KnowledgeBaseProvider provider, ExtractiveAnswerComposer composer,
        IOptions<AnswerOptions> options, CancellationToken cancellationToken)
    {
        var question = q?.Trim() ?? "";
        if (question.Length == 0) return Invalid("请输入要测试的问题（参数 q）。");
        if (question.Length > MaxQuestionLength) return Invalid($"问题不能超过 {MaxQuestionLength} 个字。");
        var count = DefaultTop;
        if (top is not null && (!int.TryParse(top, out count) || count is < 1 or > MaxTop))
            return Invalid($"top 必须是 1 到 {MaxTop} 之间的整数。");

        var knowledge = await provider.GetAsync(cancellationToken);
        var test = ServiceBot.Answers.HitTesting.HitTest.Run(knowledge, composer, options.Value, question, count);
        var json = HitTestJson.ToJson(test);
        var labels = new JsonObject();
        foreach (var (feature, label) in RankingFeatureLabels.Labels) labels[feature.ToString()] = label;
        json["labels"] = labels;
        var answer = composer.Compose(knowledge, question);
        json["answer"] = new JsonObject
        {
            ["grounded"] = answer.Grounded,
            ["markdown"] = answer.Markdown,
            ["citations"] = new JsonArray(answer.Citations.Select(c => (JsonNode)new JsonObject
            {
                ["source"] = c.Source, ["section"] = c.Section, ["validity"] = c.Validity,
            }).ToArray()),
        };
        return TypedResults.Text(json.ToJsonString(), "application/json; charset=utf-8");
    }

    private static IResult Invalid(string detail) => ApiProblems.Create(StatusCodes.Status400BadRequest, "invalid_request", "请求参数有误", detail);
}
