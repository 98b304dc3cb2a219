using Microsoft.Extensions.Options;
using ServiceBot.Analytics.Review;
using ServiceBot.Assist;
using ServiceBot.Knowledge;
using ServiceBot.Knowledge.Curated;
using ServiceBot.Knowledge.Reading;
using ServiceBot.Server.Http;

namespace ServiceBot.Server.Staff.Admin.Review;

/// <summary>
/// <c>GET /api/admin/review</c> (the grouped queue), <c>POST /api/admin/review/similar-question</c> (attach a group's
/// question as a 相似问法 of a clause; answered after the next re-index) and <c>POST /api/admin/review/out-of-scope</c>
/// (the wording leaves the queue for good) and <c>POST /api/admin/review/curated-answer</c> (an editor's answer with the
/// clauses it rests on; answered after the next re-index). Every action is audited with its before and after.
/// </summary>
public static class ReviewApi
{
    public const int MaxQuestionLength = 500;
    public const int MaxAnswerLength = 1000;
    public const int MaxCuratedQuestions = 10;
    public const int MaxCitations = 3;

    public sealed record ReviewQueueResponse(int Days, double Similarity, IReadOnlyList<ReviewGroup> Groups);

    /// <param name="Question">The group's question (as the queue shows it; personal numbers are dropped before it is written).</param>
    /// <param name="Source">The document title of the chosen clause, as citations name it.</param>
    /// <param name="Section">The clause's citation label, e.g. 第四十七条.</param>
    public sealed record SimilarQuestionRequest(string? Question, string? Source, string? Section);

    public sealed record SimilarQuestionResponse(string Question, string Source, string Section, IReadOnlyList<string> Questions, bool ReindexRequired);

    public sealed record OutOfScopeRequest(string? Question);

    public sealed record OutOfScopeResponse(string Question, string Key);

    /// <summary>A clause as citations name it.</summary>
    public sealed record ClauseReference(string? Source, string? Section);

    /// <param name="Questions">The group's question(s): the first names the entry, all are its 相似问法.</param>
    /// <param name="Answer">Plain text, one paragraph a line.</param>
    /// <param name="Citations">1–3 clauses the answer rests on, picked through hit testing.</param>
    public sealed record CuratedAnswerRequest(IReadOnlyList<string?>? Questions, string? Answer, IReadOnlyList<ClauseReference?>? Citations);

    /// <param name="Id">The entry's document id in the admin knowledge folder (<c>answers/qa-…</c>).</param>
    /// <param name="Replaced">Whether an entry for the same first question was replaced.</param>
    public sealed record CuratedAnswerResponse(string Id, IReadOnlyList<string> Questions, string Answer, IReadOnlyList<CitedClause> Citations,
        bool Replaced, bool ReindexRequired);

    public static RouteGroupBuilder MapReviewApi(this RouteGroupBuilder admin)
    {
        admin.MapGet("/review", async (ReviewQueue queue, IOptions<ReviewOptions> options, CancellationToken cancellationToken) =>
            TypedResults.Ok(new ReviewQueueResponse(options.Value.Days, options.Value.Similarity, await queue.ListAsync(cancellationToken))));
        admin.MapPost("/review/similar-question", AttachAsync);
        admin.MapPost("/review/out-of-scope", OutOfScopeAsync);
        admin.MapPost("/review/curated-answer", CuratedAnswerAsync);
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

    private static async Task<IResult> CuratedAnswerAsync(HttpContext context, KnowledgeBaseProvider provider, CuratedAnswers answers,
        AdminAudit audit, CancellationToken cancellationToken)
    {
        var (request, invalidJson) = await JsonBody.ReadAsync<CuratedAnswerRequest>(context.Request, cancellationToken);
        if (invalidJson is not null) return invalidJson;
        var errors = new Dictionary<string, string[]>();
        var questions = (request!.Questions ?? []).Select(q => CleanQuestion(q ?? "")).Where(q => QuestionWording.Normalize(q).Length > 0)
            .Distinct(StringComparer.Ordinal).ToList();
        if (questions.Count == 0) errors["questions"] = ["请至少提供一个问题（questions）。"];
        else if (questions.Count > MaxCuratedQuestions) errors["questions"] = [$"一条精选答复最多对应 {MaxCuratedQuestions} 个问题。"];
        else if (questions.Any(q => q.Length > MaxQuestionLength)) errors["questions"] = [$"每个问题不能超过 {MaxQuestionLength} 个字。"];
        var text = string.Join("\n", CuratedAnswerFile.Lines(request.Answer ?? ""));
        if (text.Length == 0) errors["answer"] = ["答复内容（answer）不能为空。"];
        else if (text.Length > MaxAnswerLength) errors["answer"] = [$"答复内容不能超过 {MaxAnswerLength} 个字。"];
        var citations = (request.Citations ?? []).OfType<ClauseReference>()
            .Select(c => new CitedClause(c.Source?.Trim().TrimStart('《').TrimEnd('》').Trim() ?? "", c.Section?.Trim() ?? ""))
            .Distinct().ToList();
        if (citations.Count is 0 or > MaxCitations) errors["citations"] = [$"请选择 1 到 {MaxCitations} 个引用条款（citations）。"];
        else if (citations.Any(c => c.Source.Length == 0 || c.Section.Length == 0)) errors["citations"] = ["每个引用条款都要有所属文件（source）和条款（section）。"];
        else
        {
            var knowledge = await provider.GetAsync(cancellationToken);
            var problems = citations.Select(c => knowledge.Chunks.FirstOrDefault(k => k.Title == c.Source && k.Section == c.Section) switch
                {
                    null => $"知识库中没有{c}，请先检索并选择一个条款。",
                    { } chunk when CuratedAnswerFile.IsCurated(chunk) => $"{c}是一条精选答复，不能作为引用条款。",
                    _ => null,
                })
                .OfType<string>().ToArray();
            if (problems.Length > 0) errors["citations"] = problems;
        }
        if (errors.Count > 0) return ApiProblems.Invalid(errors);

        var keys = questions.Select(QuestionWording.Normalize).ToList();
        var saved = answers.Save(keys[0], new CuratedAnswer(questions, text, citations));
        await audit.RecordAsync(context.Member(), AdminAuditActions.ReviewCuratedAnswer,
            saved.Previous is { } previous ? new { id = saved.Id, questions = previous.Questions, answer = previous.Text, citations = previous.Citations } : null,
            new { id = saved.Id, questions, answer = text, citations, key = keys[0], keys }, cancellationToken);
        return TypedResults.Ok(new CuratedAnswerResponse(saved.Id, questions, text, citations, Replaced: saved.Previous is not null, ReindexRequired: true));
    }

    /// <summary>The question as it may be stored: one line, personal numbers dropped, with wording left to group by.</summary>
    private static string? CheckQuestion(Dictionary<string, string[]> errors, string? raw)
    {
        var question = CleanQuestion(raw ?? "");
        if (question.Length == 0 || QuestionWording.Normalize(question).Length == 0) errors["question"] = ["question 不能为空。"];
        else if (question.Length > MaxQuestionLength) errors["question"] = [$"question 不能超过 {MaxQuestionLength} 个字。"];
        return question;
    }

    private static string CleanQuestion(string raw)
        => string.Join(' ', PersonalData.Remove(raw).Split((char[])[' ', '\t', '\r', '\n', '\u3000'],
            StringSplitOptions.RemoveEmptyEntries)).Replace("*", "", StringComparison.Ordinal).Trim();
}
