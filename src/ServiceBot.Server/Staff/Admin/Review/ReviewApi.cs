using Microsoft.Extensions.Options;
using ServiceBot.Analytics.Review;
using ServiceBot.Assist;
using ServiceBot.Knowledge;
using ServiceBot.Knowledge.Reading;
using ServiceBot.Server.Http;

namespace ServiceBot.Server.Staff.Admin.Review;

/// <summary>
/// <c>GET /api/admin/review</c> (the grouped queue), <c>POST /api/admin/review/similar-question</c> (attach a group's
/// question as a 相似问法 of a clause; answered after the next re-index) and <c>POST /api/admin/review/out-of-scope</c>
/// (the wording leaves the queue for good). Both actions are audited with their before and after.
/// </summary>
public static class ReviewApi
{
    public const int MaxQuestionLength = 500;

    public sealed record ReviewQueueResponse(int Days, double Similarity, IReadOnlyList<ReviewGroup> Groups);

    /// <param name="Question">The group's question (as the queue shows it; personal numbers are dropped before it is written).</param>
    /// <param name="Source">The document title of the chosen clause, as citations name it.</param>
    /// <param name="Section">The clause's citation label, e.g. 第四十七条.</param>
    public sealed record SimilarQuestionRequest(string? Question, string? Source, string? Section);

    public sealed record SimilarQuestionResponse(string Question, string Source, string Section, IReadOnlyList<string> Questions, bool ReindexRequired);

    public sealed record OutOfScopeRequest(string? Question);

    public sealed record OutOfScopeResponse(string Question, string Key);

    public static RouteGroupBuilder MapReviewApi(this RouteGroupBuilder admin)
    {
        admin.MapGet("/review", async (ReviewQueue queue, IOptions<ReviewOptions> options, CancellationToken cancellationToken) =>
            TypedResults.Ok(new ReviewQueueResponse(options.Value.Days, options.Value.Similarity, await queue.ListAsync(cancellationToken))));
        admin.MapPost("/review/similar-question", AttachAsync);
        admin.MapPost("/review/out-of-scope", OutOfScopeAsync);
        return admin;
    }

    private static async Task<IResult> AttachAsync(HttpContext context, KnowledgeBaseProvider provider, ReviewedQuestions questions,
        AdminAudit audit, CancellationToken cancellationToken)
    {
        var (request, invalidJson) = await JsonBody.ReadAsync<SimilarQuestionRequest>(context.Request, cancellationToken);
        if (invalidJson is not null) return invalidJson;
        var errors = new Dictionary<string, string[]>();
        var question = CheckQuestion(errors, request!.Question);
        var source = request.Source?.Trim().TrimStart('《').TrimEnd('》').Trim();
        var section = request.Section?.Trim();
        if (string.IsNullOrEmpty(source)) errors["source"] = ["请选择条款所属的文件（source）。"];
        if (string.IsNullOrEmpty(section)) errors["section"] = ["请选择条款（section）。"];
        if (errors.Count > 0) return ApiProblems.Invalid(errors);

        var knowledge = await provider.GetAsync(cancellationToken);
        if (!knowledge.Chunks.Any(c => c.Title == source && c.Section == section))
            return ApiProblems.Create(StatusCodes.Status404NotFound, "clause_not_found", "条款不存在", $"知识库中没有《{source}》{section}，请先检索并选择一个条款。");

        var (before, after) = questions.Attach(new LinkedSection(source!, section!), question!);
        await audit.RecordAsync(context.Member(), AdminAuditActions.ReviewSimilarQuestion,
            new { source, section, questions = before },
            new { source, section, questions = after, question, key = QuestionWording.Normalize(question!) }, cancellationToken);
        return TypedResults.Ok(new SimilarQuestionResponse(question!, source!, section!, after, ReindexRequired: true));
    }

    private static async Task<IResult> OutOfScopeAsync(HttpContext context, AdminAudit audit, CancellationToken cancellationToken)
    {
        var (request, invalidJson) = await JsonBody.ReadAsync<OutOfScopeRequest>(context.Request, cancellationToken);
        if (invalidJson is not null) return invalidJson;
        var errors = new Dictionary<string, string[]>();
        var question = CheckQuestion(errors, request!.Question);
        if (errors.Count > 0) return ApiProblems.Invalid(errors);
        var key = QuestionWording.Normalize(question!);
        await audit.RecordAsync(context.Member(), AdminAuditActions.ReviewOutOfScope, new { state = "open" },
            new { state = "out_of_scope", question, key }, cancellationToken);
        return TypedResults.Ok(new OutOfScopeResponse(question!, key));
    }

    /// <summary>The question as it may be stored: one line, personal numbers dropped, with wording left to group by.</summary>
    private static string? CheckQuestion(Dictionary<string, string[]> errors, string? raw)
    {
        var question = string.Join(' ', PersonalData.Remove(raw ?? "").Split((char[])[' ', '\t', '\r', '\n', '\u3000'],
            StringSplitOptions.RemoveEmptyEntries)).Replace("*", "", StringComparison.Ordinal).Trim();
        if (question.Length == 0 || QuestionWording.Normalize(question).Length == 0) errors["question"] = ["question 不能为空。"];
        else if (question.Length > MaxQuestionLength) errors["question"] = [$"question 不能超过 {MaxQuestionLength} 个字。"];
        return question;
    }
}
