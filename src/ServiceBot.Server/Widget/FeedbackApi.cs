using ServiceBot.Server.Chat.Identity;
using ServiceBot.Server.Http;
using ServiceBot.Server.Staff;
using ServiceBot.Storage;

namespace ServiceBot.Server.Widget;

/// <summary><c>POST /api/feedback</c> stores the conversation owner's thumbs up or down on one answer; <c>GET</c> lists a conversation's.</summary>
public static class FeedbackApi
{
    public const int MaxIdLength = 200;
    public const int MaxCommentLength = 1000;

    public sealed record FeedbackRequest(string? ConversationId, string? MessageId, string? Rating, string? Comment, string? UserToken = null);

    public static async Task<IResult> PostAsync(HttpRequest http, IFeedbackStore store, ChatIdentity identity, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (request, invalidJson) = await JsonBody.ReadAsync<FeedbackRequest>(http, cancellationToken);
        if (invalidJson is not null) return invalidJson;

        var errors = new Dictionary<string, string[]>();
        CheckId(errors, "conversationId", request!.ConversationId);
        CheckId(errors, "messageId", request.MessageId);
        if (request.Rating is not ("up" or "down")) errors["rating"] = ["rating 只能是 up 或 down。"];
        if (request.Comment is { Length: > MaxCommentLength }) errors["comment"] = [$"comment 不能超过 {MaxCommentLength} 个字符。"];
        if (errors.Count > 0) return ApiProblems.Invalid(errors);
        if (await identity.RefuseOwnerAsync(http, request.ConversationId!, request.UserToken, cancellationToken) is { } unauthorized) return unauthorized;

        var comment = string.IsNullOrWhiteSpace(request.Comment) ? null : request.Comment.Trim();
        var feedback = new Feedback(request.ConversationId!, request.MessageId!, request.Rating!, comment, clock.GetUtcNow());
        await store.SaveAsync(feedback, cancellationToken);
        return TypedResults.Ok(feedback);
    }

    /// <summary>
    /// A conversation's feedback, for its owner (their userToken as Bearer, or an API key) or for a supervisor or
    /// admin of the staff desk (their Bearer token). The token travels in a header only, so a page on another origin
    /// cannot read anyone's feedback without holding a credential.
    /// </summary>
    public static async Task<IResult> ListAsync(string? conversationId, HttpRequest http, IFeedbackStore store, ChatIdentity identity,
        StaffDirectory staff, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        CheckId(errors, "conversationId", conversationId);
        if (errors.Count > 0) return ApiProblems.Invalid(errors);
        if (!IsSupervisor(http, staff) && await identity.RefuseOwnerAsync(http, conversationId!, token: null, cancellationToken) is { } unauthorized)
        {
            http.HttpContext.Response.Headers.WWWAuthenticate = "Bearer";
            return unauthorized;
        }
        return TypedResults.Ok(await store.ListAsync(conversationId!, cancellationToken));
    }

    private static bool IsSupervisor(HttpRequest http, StaffDirectory staff)
    {
        var header = http.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        return header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)
            && staff.Authenticate(header[scheme.Length..].Trim()) is { IsSupervisor: true };
    }

    private static void CheckId(Dictionary<string, string[]> errors, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) errors[field] = [$"{field} 不能为空。"];
        else if (value.Length > MaxIdLength) errors[field] = [$"{field} 不能超过 {MaxIdLength} 个字符。"];
    }
}
