using Microsoft.Extensions.Options;

namespace ServiceBot.Server.Widget;

/// <summary>
/// Lets pages on other origins that embed the widget call the chat and feedback APIs, answering
/// preflights itself. Kept to the widget's API paths; no cookies, so credentials are never allowed.
/// </summary>
public static class WidgetCors
{
    private static readonly string[] Paths = ["/api/chat", "/api/chat/stream", "/api/chat/events", "/api/feedback"];

    /// <summary>Takes the next delegate itself, so a request does not allocate a closure to call it.</summary>
    public static async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var origin = context.Request.Headers.Origin.ToString();
        if (origin.Length == 0 || !Paths.Contains(context.Request.Path.Value?.TrimEnd('/'), StringComparer.OrdinalIgnoreCase))
        {
            await next(context);
            return;
        }

        var allowed = context.RequestServices.GetRequiredService<IOptions<WidgetOptions>>().Value.AllowedOrigins;
        var headers = context.Response.Headers;
        headers.Vary = "Origin";
        if (allowed.Contains("*")) headers.AccessControlAllowOrigin = "*";
        else if (allowed.Contains(origin, StringComparer.OrdinalIgnoreCase)) headers.AccessControlAllowOrigin = origin;

        if (HttpMethods.IsOptions(context.Request.Method) && context.Request.Headers.AccessControlRequestMethod.Count > 0)
        {
            headers.AccessControlAllowMethods = "GET, POST, OPTIONS";
            headers.AccessControlAllowHeaders = "Content-Type, Authorization";
            headers.AccessControlMaxAge = "600";
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return;
        }
        await next(context);
    }
}
