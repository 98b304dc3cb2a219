using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using ServiceBot.Server.Http;

namespace ServiceBot.Server.Limits;

/// <summary>
/// Refuses a request target over <see cref="RequestLimitsOptions.TargetBytes"/> with 414, and a header block over
/// <see cref="RequestLimitsOptions.HeaderBytes"/> or <see cref="RequestLimitsOptions.HeaderCount"/> with 431, as
/// problem details. Kestrel's own, higher ceilings catch the rest before any middleware runs.
/// </summary>
public sealed class RequestHeadLimits(RequestDelegate next, IOptions<RequestLimitsOptions> options)
{
    // Each header line carries ": " and CRLF besides its name and value, as Kestrel counts it.
    private const int LineOverhead = 4;

    public async Task InvokeAsync(HttpContext context)
    {
        var limits = options.Value;
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget
            ?? context.Request.PathBase + context.Request.Path + context.Request.QueryString;
        if (target.Length > limits.TargetBytes)
        {
            await ApiProblems.Create(StatusCodes.Status414UriTooLong, "uri_too_long", "请求地址过长",
                $"请求地址（路径和查询参数）不能超过 {limits.TargetBytes} 字节。").ExecuteAsync(context);
            return;
        }

        var lines = 0;
        long bytes = 0;
        foreach (var (name, values) in context.Request.Headers)
            foreach (var value in values)
            {
                lines++;
                bytes += name.Length + (value?.Length ?? 0) + LineOverhead;
            }
        if (lines > limits.HeaderCount || bytes > limits.HeaderBytes)
        {
            await ApiProblems.Create(StatusCodes.Status431RequestHeaderFieldsTooLarge, "headers_too_large", "请求头过大",
                $"请求头不能超过 {limits.HeaderCount} 行、共 {limits.HeaderBytes} 字节。").ExecuteAsync(context);
            return;
        }
        await next(context);
    }
}
