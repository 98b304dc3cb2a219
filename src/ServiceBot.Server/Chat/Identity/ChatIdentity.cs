using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using ServiceBot.Conversation;
using ServiceBot.Server.Http;
using ServiceBot.Storage;

namespace ServiceBot.Server.Chat.Identity;

/// <summary>
/// Decides whether a request may speak for a user: an API key acts for anyone; otherwise a user who already has a
/// conversation on the channel must present the token the first turn returned (body <c>userToken</c> or Bearer).
/// </summary>
public sealed class ChatIdentity(UserTokens tokens, IConversationStore conversations, IOptions<ChatIdentityOptions> options)
{
    public const string ApiKeyHeader = "X-Api-Key";

    /// <summary>
    /// Whether the request may go on, and if so the token its reply returns: the token it presented, once checked, or a
    /// newly issued one (an API key, or a user's first turn), so a turn computes the user's HMAC at most once.
    /// </summary>
    public async Task<IdentityCheck> CheckAsync(HttpRequest request, string channel, string userId, string? bodyToken, CancellationToken cancellationToken)
    {
        if (request.Headers.TryGetValue(ApiKeyHeader, out var apiKey))
            return IsApiKey(apiKey.ToString()) ? IdentityCheck.Admit(tokens.Issue(channel, userId)) : IdentityCheck.Refuse(Unauthorized("API 密钥无效。"));

        var token = bodyToken ?? BearerToken(request);
        if (token is not null)
            return tokens.IsValid(channel, userId, token)
                ? IdentityCheck.Admit(token)
                : IdentityCheck.Refuse(Unauthorized("身份令牌无效，请使用首次对话返回的 userToken。"));
        if (await conversations.FindLatestAsync(channel, userId, cancellationToken) is null) return IdentityCheck.Admit(tokens.Issue(channel, userId));
        return IdentityCheck.Refuse(Unauthorized("该用户已有会话，请携带首次对话返回的 userToken（请求字段 userToken 或 Authorization: Bearer）。"));
    }

    /// <summary>Owner check for a conversation (feedback, live events): an API key, or the token of the conversation's owner.</summary>
    public async Task<ProblemHttpResult?> RefuseOwnerAsync(HttpRequest request, string conversationId, string? token, CancellationToken cancellationToken)
    {
        if (request.Headers.TryGetValue(ApiKeyHeader, out var apiKey))
            return IsApiKey(apiKey.ToString()) ? null : Unauthorized("API 密钥无效。");
        var conversation = await conversations.FindAsync(conversationId, cancellationToken);
        return conversation is not null && tokens.IsValid(conversation.Channel, conversation.UserId, token ?? BearerToken(request))
            ? null
            : Unauthorized("身份令牌无效，请使用该会话用户的 userToken。");
    }

    private bool IsApiKey(string presented)
    {
        var bytes = Encoding.UTF8.GetBytes(presented);
        var match = false;
        // Every key is compared, in constant time, so timing does not tell which prefix matched.
        foreach (var key in options.Value.ApiKeys)
            match |= CryptographicOperations.FixedTimeEquals(bytes, Encoding.UTF8.GetBytes(key));
        return match;
    }

    private static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }

    private static ProblemHttpResult Unauthorized(string detail) =>
        ApiProblems.Create(StatusCodes.Status401Unauthorized, "unauthorized", "未通过身份验证", detail);
}

/// <summary>What <see cref="ChatIdentity.CheckAsync"/> decided: the 401 to answer, or the user token the reply carries.</summary>
public sealed record IdentityCheck(ProblemHttpResult? Refusal, string? ReplyToken)
{
    public static IdentityCheck Admit(string replyToken) => new(null, replyToken);

    public static IdentityCheck Refuse(ProblemHttpResult refusal) => new(refusal, null);
}
