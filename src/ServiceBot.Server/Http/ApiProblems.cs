using Microsoft.AspNetCore.Http.HttpResults;

namespace ServiceBot.Server.Http;

/// <summary>
/// Problem details with a stable <c>code</c> extension, so callers branch on the code and show the
/// Chinese <c>detail</c> to the user.
/// </summary>
public static class ApiProblems
{
    public static ProblemHttpResult Create(int status, string code, string title, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title,
            extensions: new Dictionary<string, object?> { ["code"] = code });

    public static ProblemHttpResult InvalidJson(string detail) =>
        Create(StatusCodes.Status400BadRequest, "invalid_json", "请求格式错误", detail);

    public static ValidationProblem Invalid(IDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, detail: string.Concat(errors.SelectMany(e => e.Value)), title: "请求参数有误",
            extensions: new Dictionary<string, object?> { ["code"] = "invalid_request" });
}
