using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using ServiceBot.Server.Http;

namespace ServiceBot.Server.Limits;

/// <summary>
/// Sets each request's body limit on Kestrel before anything reads it, so a body is cut off at the limit whether
/// it declares its length or is chunked, and answers the refusal (and any other request Kestrel finds malformed
/// while the body is read) with problem details.
/// </summary>
public sealed class RequestBodyLimits(RequestDelegate next, IOptions<RequestLimitsOptions> options)
{
    /// <summary>A client still sending after its limit gets this long to finish before the answer is written anyway.</summary>
    private static readonly TimeSpan DrainDeadline = TimeSpan.FromSeconds(2);

    public async Task InvokeAsync(HttpContext context)
    {
        var limit = LimitFor(context.Request.Path, options.Value);
        if (context.Request.ContentLength > limit)
        {
            await TooLarge(limit).ExecuteAsync(context);
            return;
        }
        var kestrelBody = context.Request.Body;
        var bodyLimit = DrainingBodyLimit.Install(context, limit, options.Value.DrainBytes);
        try
        {
            await next(context);
        }
        catch (BadHttpRequestException e) when (!context.Response.HasStarted)
        {
            context.Response.Clear();
            var tooLarge = e.StatusCode == StatusCodes.Status413PayloadTooLarge;
            if (tooLarge && bodyLimit is not null) await DrainingBodyLimit.DrainAsync(kestrelBody, DrainDeadline, context.RequestAborted);
            // An endpoint may have lowered the limit further (a channel's own maximum): name the one that applied.
            var applied = bodyLimit?.Limit ?? context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize ?? limit;
            var problem = tooLarge
                ? TooLarge(applied)
                : ApiProblems.Create(e.StatusCode, "bad_request", "请求格式错误", "请求无法解析，请检查请求头和请求体。");
            await problem.ExecuteAsync(context);
        }
    }

    public static long LimitFor(PathString path, RequestLimitsOptions limits)
    {
        if (path.StartsWithSegments("/api/chat")) return limits.ChatBodyBytes;
        if (path.StartsWithSegments("/wechat") || path.StartsWithSegments("/api/messages")) return limits.ChannelBodyBytes;
        if (path.StartsWithSegments("/api/admin/documents")) return limits.UploadBodyBytes;
        return limits.DefaultBodyBytes;
    }

    private static IResult TooLarge(long limit) =>
        ApiProblems.Create(StatusCodes.Status413PayloadTooLarge, "body_too_large", "请求体过大", $"请求体不能超过 {limit} 字节。");
}
