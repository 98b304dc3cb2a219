using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using ServiceBot.Conversation;
using ServiceBot.Server.Chat.Identity;
using ServiceBot.Server.Http;
using ServiceBot.Server.Limits;

namespace ServiceBot.Server.Chat;

/// <summary><c>POST /api/chat</c>: one user turn in, one reply out.</summary>
public static class ChatApi
{
    public const string Channel = "api";
    private const int MaxIdLength = ConversationEngine.MaxIdLength;

    public static IEndpointRouteBuilder MapChatApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/chat", HandleAsync)
            .WithName("Chat")
            .Produces<ChatResponse>()
            .ProducesValidationProblem();
        return app;
    }

    private static async Task<Results<JsonHttpResult<ChatResponse>, ProblemHttpResult, ValidationProblem>> HandleAsync(
        HttpRequest request, IConversationEngine engine, IOptions<ConversationOptions> options, UserRateLimiter userLimits, ChatIdentity identity, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync(request, ChatJson.Wire.ChatRequest, cancellationToken);
        if (problem is not null) return problem;

        var errors = Validate(body!, options.Value.MaxTextLength);
        if (errors.Count > 0) return ApiProblems.Invalid(errors);
        if (userLimits.Refuse(request.HttpContext, Channel, body!.UserId!) is { } tooMany) return tooMany;

        var admitted = await identity.CheckAsync(request, Channel, body.UserId!, body.UserToken, cancellationToken);
        if (admitted.Refusal is { } unauthorized) return unauthorized;

        var message = new IncomingMessage(body.UserId!, Channel, body.ConversationId, body.MessageId, body.Text!)
        {
            ConversationIdIssuedByServer = true, Place = body.Place,
        };
        try
        {
            var reply = await engine.HandleAsync(message, cancellationToken);
            return TypedResults.Json(ChatResponse.From(reply) with { UserToken = admitted.ReplyToken }, ChatJson.Wire.ChatResponse);
        }
        catch (InvalidMessageException exception)
        {
            var reason = exception.ParamName is { } name ? exception.Message.Replace($" (Parameter '{name}')", "") : exception.Message;
            return ApiProblems.Invalid(new Dictionary<string, string[]> { [exception.ParamName ?? "text"] = [reason] });
        }
    }

    private static Dictionary<string, string[]> Validate(ChatRequest body, int maxTextLength)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(body.UserId)) errors["userId"] = ["userId 不能为空。"];
        else if (body.UserId.Length > MaxIdLength) errors["userId"] = [$"userId 不能超过 {MaxIdLength} 个字符。"];
        if (body.ConversationId is { Length: > MaxIdLength }) errors["conversationId"] = [$"conversationId 不能超过 {MaxIdLength} 个字符。"];
        if (body.MessageId is { Length: > MaxIdLength }) errors["messageId"] = [$"messageId 不能超过 {MaxIdLength} 个字符。"];
        if (UserText.IsBlank(body.Text)) errors["text"] = ["text 不能为空。"];
        else if (body.Text.Length > maxTextLength) errors["text"] = [$"消息过长：最多 {maxTextLength} 个字符。"];
        return errors;
    }
}
