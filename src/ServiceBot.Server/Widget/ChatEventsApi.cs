using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using ServiceBot.Handoff;
using ServiceBot.Server.Chat;
using ServiceBot.Server.Chat.Identity;
using ServiceBot.Server.Http;
using ServiceBot.Storage;

namespace ServiceBot.Server.Widget;

/// <summary>
/// <c>GET /api/chat/events?userId=&amp;conversationId=&amp;userToken=[&amp;after=]</c>: Server-Sent Events carrying what a human agent
/// writes to the conversation (<c>event: agent</c>) and notes about the handoff (<c>event: system</c>), each with the
/// transcript line id as its event id, so a reconnecting EventSource (Last-Event-ID) misses nothing and gets nothing twice.
/// </summary>
public static class ChatEventsApi
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(2);

    // EventSource reconnects on its own; ending the stream now and then frees servers behind proxies that never close.
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    public static async Task<IResult> StreamAsync(HttpContext context, string? userId, string? conversationId, string? userToken, long? after,
        IConversationStore conversations, ChatIdentity identity, IHandoffStore handoffs, LiveTranscripts live, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(userId)) errors["userId"] = ["userId 不能为空。"];
        if (string.IsNullOrWhiteSpace(conversationId)) errors["conversationId"] = ["conversationId 不能为空。"];
        if (errors.Count > 0) return ApiProblems.Invalid(errors);
        var conversation = await conversations.FindAsync(conversationId!, cancellationToken);
        if (conversation is null || conversation.UserId != userId || conversation.Channel != ChatApi.Channel)
            return ApiProblems.Create(StatusCodes.Status404NotFound, "not_found", "会话不存在", "没有找到该用户的这个会话。");
        // EventSource cannot send headers, so the token comes in the query string.
        if (await identity.RefuseOwnerAsync(context.Request, conversationId!, userToken, cancellationToken) is { } unauthorized) return unauthorized;

        var cursor = long.TryParse(context.Request.Headers["Last-Event-ID"], NumberStyles.None, CultureInfo.InvariantCulture, out var lastEvent)
            ? lastEvent
            : Math.Max(after ?? 0, 0);
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        context.Response.ContentType = "text/event-stream; charset=utf-8";
        context.Response.Headers.CacheControl = "no-cache, no-transform";
        context.Response.Headers["X-Accel-Buffering"] = "no";
        await context.Response.StartAsync(cancellationToken);

        var until = clock.GetUtcNow() + Lifetime;
        try
        {
            // Tells a new subscriber where the transcript stands, so it can subscribe from there after a reload.
            await WriteAsync(context, "retry: 2000\n\n", cancellationToken);
            while (clock.GetUtcNow() < until)
            {
                var waiting = live.WaitAsync(conversationId!, Poll, cancellationToken);
                foreach (var line in await handoffs.TranscriptAsync(conversationId!, cursor, cancellationToken))
                {
                    cursor = line.Id;
                    if (line.Speaker is not (Assist.Speakers.Agent or TranscriptEntry.System)) continue;
                    var data = JsonSerializer.Serialize(new { id = line.Id, speaker = line.Speaker, text = line.Text, at = line.At, agent = line.Agent }, Json);
                    await WriteAsync(context, $"id: {line.Id}\nevent: {line.Speaker}\ndata: {data}\n\n", cancellationToken);
                }
                await WriteAsync(context, $"id: {cursor}\n: waiting\n\n", cancellationToken);
                await waiting;
            }
        }
        catch (OperationCanceledException)
        {
            // The visitor left.
        }
        return Results.Empty;
    }

    private static async Task WriteAsync(HttpContext context, string frame, CancellationToken cancellationToken)
    {
        await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(frame), cancellationToken);
        await context.Response.Body.FlushAsync(cancellationToken);
    }
}
