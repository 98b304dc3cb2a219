using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using ServiceBot.Conversation;
using ServiceBot.Server.Chat;
using ServiceBot.Server.Chat.Identity;
using ServiceBot.Server.Http;

namespace ServiceBot.Server.Widget;

/// <summary>
/// <c>POST /api/chat/stream</c>: one turn as Server-Sent Events — <c>delta</c> events carrying the reply
/// Markdown in small pieces, then <c>reply</c> with the whole /api/chat response, then <c>done</c>.
/// A failure after the stream has started is a terminal <c>error</c> event carrying problem details.
/// </summary>
public static class ChatStreamApi
{
    /// <summary>
    /// The same channel as <c>POST /api/chat</c>: the widget falls back to it with the same message id,
    /// and the engine dedups messages and checks conversation ownership per channel.
    /// </summary>
    public const string Channel = ChatApi.Channel;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<IResult> HandleAsync(
        HttpContext context,
        IStreamingConversationEngine engine,
        IOptions<WidgetOptions> options,
        ChatIdentity identity,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var (request, invalidJson) = await JsonBody.ReadAsync<ChatRequest>(context.Request, cancellationToken);
        if (invalidJson is not null) return invalidJson;
        // Missing fields are caught here; the engine checks everything else (lengths, ownership) and says why.
        var missing = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request!.UserId)) missing["userId"] = ["userId 不能为空。"];
        if (string.IsNullOrWhiteSpace(request.Text)) missing["text"] = ["text 不能为空。"];
        if (missing.Count > 0) return ApiProblems.Invalid(missing);

        var admitted = await identity.CheckAsync(context.Request, Channel, request.UserId!, request.UserToken, cancellationToken);
        if (admitted.Refusal is { } unauthorized) return unauthorized;
        var userToken = admitted.ReplyToken!;

        var message = new IncomingMessage(request.UserId!, Channel, request.ConversationId, request.MessageId, request.Text!)
        {
            ConversationIdIssuedByServer = true, Place = request.Place,
        };
        var updates = engine.StreamAsync(message, cancellationToken).GetAsyncEnumerator(cancellationToken);
        try
        {
            // The first step is taken before the response starts, so bad input is still a plain 400.
            bool any;
            try
            {
                any = await updates.MoveNextAsync();
            }
            catch (InvalidMessageException e)
            {
                return ApiProblems.Invalid(new Dictionary<string, string[]> { [CamelCase(e.ParamName)] = [StripParam(e)] });
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return await FailAsync(context, loggers, e);
            }

            await StartAsync(context);
            var streamed = false;
            while (any)
            {
                var update = updates.Current;
                if (update.Reply is { } reply)
                {
                    // The offline engine has no generated text to stream: the finished reply is sent in pieces.
                    if (!streamed) await WriteChunksAsync(context, reply.Markdown, options.Value, cancellationToken);
                    await WriteEventAsync(context, "reply", ChatResponse.From(reply) with { UserToken = userToken }, cancellationToken);
                    await WriteEventAsync(context, "done", new { }, cancellationToken);
                    break;
                }
                streamed = true;
                await WriteEventAsync(context, "delta", new { text = update.Delta }, cancellationToken);
                try
                {
                    any = await updates.MoveNextAsync();
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    loggers.CreateLogger(typeof(ChatStreamApi)).LogError(e, "The conversation engine failed on a streamed turn.");
                    await WriteEventAsync(context, "error", EngineFailed(), CancellationToken.None);
                    break;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The visitor left; the turn is saved, and a retry with the same message id gets it back.
        }
        finally
        {
            await updates.DisposeAsync();
        }
        return Results.Empty;
    }

    private static async Task<IResult> FailAsync(HttpContext context, ILoggerFactory loggers, Exception exception)
    {
        loggers.CreateLogger(typeof(ChatStreamApi)).LogError(exception, "The conversation engine failed on a streamed turn.");
        await StartAsync(context);
        await WriteEventAsync(context, "error", EngineFailed(), CancellationToken.None);
        return Results.Empty;
    }

    private static async Task WriteChunksAsync(HttpContext context, string markdown, WidgetOptions settings, CancellationToken cancellationToken)
    {
        foreach (var piece in Chunks(markdown, settings.StreamChunkCharacters))
        {
            await WriteEventAsync(context, "delta", new { text = piece }, cancellationToken);
            if (settings.StreamChunkDelayMilliseconds > 0)
                await Task.Delay(settings.StreamChunkDelayMilliseconds, cancellationToken);
        }
    }

    private static async Task StartAsync(HttpContext context)
    {
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "text/event-stream; charset=utf-8";
        context.Response.Headers.CacheControl = "no-cache, no-transform";
        context.Response.Headers["X-Accel-Buffering"] = "no";
        await context.Response.StartAsync();
    }

    private static async Task WriteEventAsync(HttpContext context, string name, object data, CancellationToken cancellationToken)
    {
        // JSON on one line, so newlines in the Markdown never break the event framing.
        var frame = $"event: {name}\ndata: {JsonSerializer.Serialize(data, data.GetType(), Json)}\n\n";
        await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(frame), cancellationToken);
        await context.Response.Body.FlushAsync(cancellationToken);
    }

    /// <summary>Splits on text elements so a chunk never ends inside a surrogate pair or a combined character.</summary>
    public static IEnumerable<string> Chunks(string text, int size)
    {
        var builder = new StringBuilder();
        var count = 0;
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            builder.Append(elements.GetTextElement());
            if (++count < size) continue;
            yield return builder.ToString();
            builder.Clear();
            count = 0;
        }
        if (builder.Length > 0) yield return builder.ToString();
    }

    private static ProblemDetails EngineFailed() => new()
    {
        Status = StatusCodes.Status503ServiceUnavailable,
        Title = "服务暂时不可用",
        Detail = "抱歉，系统暂时无法处理您的消息，请稍后再试，或拨打 12345 政务服务便民热线。",
        Extensions = { ["code"] = "engine_failed" },
    };

    private static string CamelCase(string? name) =>
        string.IsNullOrEmpty(name) ? "text" : char.ToLowerInvariant(name[0]) + name[1..];

    /// <summary>ArgumentException appends " (Parameter 'x')" to the message; the user sees only the Chinese part.</summary>
    private static string StripParam(ArgumentException e) =>
        e.ParamName is null ? e.Message : e.Message.Replace($" (Parameter '{e.ParamName}')", "", StringComparison.Ordinal);
}
