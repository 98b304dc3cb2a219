using System.Text.Json;
using Microsoft.Extensions.Options;
using ServiceBot.Server.Http;

namespace ServiceBot.Server.BotFramework;

/// <summary>
/// <c>POST /api/messages</c>: authenticate (when an AppId is set), read the activity, queue its handling, answer 202.
/// The reply is posted separately to the activity's serviceUrl.
/// </summary>
public static class BotFrameworkEndpoints
{
    public const string Route = "/api/messages";
    private static readonly TimeSpan DuplicateWindow = TimeSpan.FromMinutes(10);

    public static IEndpointRouteBuilder MapBotFramework(this IEndpointRouteBuilder app)
    {
        app.MapPost(Route, ReceiveAsync).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> ReceiveAsync(
        HttpContext context, IOptions<BotFrameworkOptions> options, IServiceProvider services,
        BotTurnQueue queue, BotMessageHandler handler, IBotDeliveryLedger seen)
    {
        var settings = options.Value;
        var request = context.Request;
        BotAuthResult? auth = null;
        if (settings.AuthenticationEnabled)
        {
            auth = await services.GetRequiredService<BotAuthentication>().AuthenticateAsync(request.Headers.Authorization, context.RequestAborted);
            if (auth.Status == BotAuthStatus.Unavailable)
                return ApiProblems.Create(503, "auth_unavailable", "暂时无法验证身份", "无法获取 Bot Framework 签名密钥，请稍后重试。");
            if (auth.Status != BotAuthStatus.Valid)
                return ApiProblems.Create(401, "unauthorized", "身份验证失败", "缺少或无效的 Bot Framework 令牌。");
        }

        if (request.ContentLength > settings.MaxBodyBytes)
            return ApiProblems.Create(413, "body_too_large", "请求体过大", $"请求体不能超过 {settings.MaxBodyBytes} 字节。");
        // Enforced while reading too, so a chunked body stops at the limit (RequestBodyLimits answers with 413).
        if (context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = Math.Min(limit.MaxRequestBodySize ?? long.MaxValue, settings.MaxBodyBytes);
        var (activity, problem) = await JsonBody.ReadAsync<Activity>(request, context.RequestAborted);
        if (problem is not null) return problem;
        if (Invalid(activity!) is { } reason) return ApiProblems.Create(400, "invalid_activity", "活动格式错误", reason);

        var serviceUrl = new Uri(activity!.ServiceUrl!);
        if (auth?.ServiceUrl is { } claimed && !SameServiceUrl(claimed, serviceUrl))
            return ApiProblems.Create(401, "unauthorized", "身份验证失败", "令牌中的 serviceUrl 与活动不一致。");
        // Without authentication anyone could make the bot post to any address; anonymous mode serves a local Emulator only.
        if (auth is null && !BotFrameworkOptionsValidator.IsLoopback(serviceUrl))
            return ApiProblems.Create(400, "invalid_activity", "活动格式错误", "未配置 AppId 时只接受本机的 serviceUrl（Bot Framework Emulator）。");

        switch (activity.Type)
        {
            case ActivityTypes.Message:
                if (!await FirstDeliveryAsync(seen, activity, context.RequestAborted)) return TypedResults.Accepted((string?)null);
                return Enqueue(queue, ct => handler.OnMessageAsync(activity, ct));
            case ActivityTypes.ConversationUpdate when activity.MembersAdded is { Count: > 0 }:
                if (!await FirstDeliveryAsync(seen, activity, context.RequestAborted)) return TypedResults.Accepted((string?)null);
                return Enqueue(queue, ct => handler.OnConversationUpdateAsync(activity, ct));
            default:
                // typing, endOfConversation, event, installationUpdate …: acknowledged and ignored.
                return TypedResults.Ok();
        }
    }

    private static string? Invalid(Activity activity)
    {
        if (string.IsNullOrWhiteSpace(activity.Type)) return "缺少 type。";
        if (!Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            return "serviceUrl 必须是绝对的 http 或 https 地址。";
        if (string.IsNullOrWhiteSpace(activity.Conversation?.Id)) return "缺少 conversation.id。";
        if (string.IsNullOrWhiteSpace(activity.From?.Id)) return "缺少 from.id。";
        if (string.IsNullOrWhiteSpace(activity.Recipient?.Id)) return "缺少 recipient.id。";
        return null;
    }

    private static bool SameServiceUrl(string claimed, Uri actual) =>
        Uri.TryCreate(claimed, UriKind.Absolute, out var url)
        && string.Equals(url.GetLeftPart(UriPartial.Path).TrimEnd('/'), actual.GetLeftPart(UriPartial.Path).TrimEnd('/'), StringComparison.OrdinalIgnoreCase);

    /// <summary>A channel that resends an activity (same id) gets it handled once; the engine would repeat its reply otherwise.</summary>
    private static async ValueTask<bool> FirstDeliveryAsync(IBotDeliveryLedger seen, Activity activity, CancellationToken cancellationToken) =>
        string.IsNullOrEmpty(activity.Id)
        || await seen.TryClaimAsync(string.Join('\n', activity.ChannelId, activity.Conversation!.Id, activity.Id), DuplicateWindow, cancellationToken);

    private static IResult Enqueue(BotTurnQueue queue, Func<CancellationToken, Task> work) =>
        queue.TryEnqueue(work)
            ? TypedResults.Accepted((string?)null)
            : ApiProblems.Create(503, "busy", "系统繁忙", "当前消息过多，请稍后重试。");
}
