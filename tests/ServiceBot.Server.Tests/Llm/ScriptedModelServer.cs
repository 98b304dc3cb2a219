using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ServiceBot.Server.Tests.Llm;

/// <summary>
/// A local OpenAI-compatible model at a free loopback port: <c>POST /v1/chat/completions</c> in the real Chat Completions wire
/// format (JSON, or SSE chunks ending in <c>[DONE]</c> when the request streams; tool calls included), answering from
/// <see cref="Script"/> and recording every request.
/// </summary>
public sealed class ScriptedModelServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ScriptedModelServer(WebApplication app) => _app = app;

    /// <summary>The base address to configure as <c>Llm:Endpoint</c>, ending in <c>/v1</c>.</summary>
    public Uri Endpoint { get; private set; } = null!;

    /// <summary>Chooses the reply to each request; tests replace it.</summary>
    public Func<ModelRequest, ModelReply> Script { get; set; } = DefaultScript;

    public ConcurrentQueue<ModelRequest> Requests { get; } = new();

    /// <summary>No intent or slots for understanding requests; an answer citing clause 1 otherwise.</summary>
    public static ModelReply DefaultScript(ModelRequest request)
        => request.WantsJson ? ModelReply.Says("""{"task":null,"slots":{}}""") : ModelReply.Says("根据规定，", "可以办理[1]。");

    public static async Task<ScriptedModelServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new ScriptedModelServer(app);
        app.MapPost("/v1/chat/completions", server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server.Endpoint = new Uri(address.TrimEnd('/') + "/v1");
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        var request = new ModelRequest(body.RootElement.Clone(), context.Request.Headers.Authorization.ToString());
        Requests.Enqueue(request);
        var reply = Script(request);
        while (reply is ModelReply.Delayed delayed)
        {
            await Task.Delay(delayed.Delay, context.RequestAborted);
            reply = delayed.Then;
        }
        switch (reply)
        {
            case ModelReply.Status status:
                context.Response.StatusCode = status.Code;
                await context.Response.WriteAsJsonAsync(new { error = new { message = "scripted failure", type = "server_error" } });
                return;
            case ModelReply.Raw raw:
                context.Response.ContentType = request.Stream ? "text/event-stream" : "application/json";
                await context.Response.WriteAsync(raw.Body);
                return;
        }
        if (request.Stream) await StreamAsync(context, reply);
        else await context.Response.WriteAsync(Completion(reply).ToJsonString(), context.RequestAborted);
    }

    private static JsonObject Completion(ModelReply reply)
    {
        var message = new JsonObject { ["role"] = "assistant" };
        string finish;
        if (reply is ModelReply.ToolCall call)
        {
            message["content"] = null;
            message["tool_calls"] = new JsonArray(ToolCallJson(call, index: null));
            finish = "tool_calls";
        }
        else
        {
            message["content"] = string.Concat(((ModelReply.Text)reply).Tokens);
            finish = "stop";
        }
        return Envelope("chat.completion", new JsonObject { ["index"] = 0, ["message"] = message, ["finish_reason"] = finish }, withUsage: true);
    }

    private static async Task StreamAsync(HttpContext context, ModelReply reply)
    {
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        if (reply is ModelReply.ToolCall call)
        {
            await ChunkAsync(context, new JsonObject { ["role"] = "assistant", ["tool_calls"] = new JsonArray(ToolCallJson(call, index: 0)) }, null);
            await ChunkAsync(context, new JsonObject(), "tool_calls");
        }
        else
        {
            var first = true;
            foreach (var token in ((ModelReply.Text)reply).Tokens)
            {
                var delta = new JsonObject { ["content"] = token };
                if (first) delta["role"] = "assistant";
                first = false;
                await ChunkAsync(context, delta, null);
                // A pause between tokens, so that the client sees them arrive one by one.
                await Task.Delay(20, context.RequestAborted);
            }
            await ChunkAsync(context, new JsonObject(), "stop");
        }
        await context.Response.WriteAsync("data: [DONE]\n\n", context.RequestAborted);
    }

    private static async Task ChunkAsync(HttpContext context, JsonObject delta, string? finish)
    {
        var chunk = Envelope("chat.completion.chunk", new JsonObject { ["index"] = 0, ["delta"] = delta, ["finish_reason"] = finish }, withUsage: false);
        await context.Response.WriteAsync("data: " + chunk.ToJsonString() + "\n\n", context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
    }

    private static JsonObject ToolCallJson(ModelReply.ToolCall call, int? index)
    {
        var json = new JsonObject
        {
            ["id"] = "call_1",
            ["type"] = "function",
            ["function"] = new JsonObject { ["name"] = call.Name, ["arguments"] = call.ArgumentsJson },
        };
        if (index is { } i) json["index"] = i;
        return json;
    }

    private static JsonObject Envelope(string kind, JsonObject choice, bool withUsage)
    {
        var json = new JsonObject
        {
            ["id"] = "chatcmpl-scripted",
            ["object"] = kind,
            ["created"] = 1_767_225_600,
            ["model"] = "scripted",
            ["choices"] = new JsonArray(choice),
        };
        if (withUsage) json["usage"] = new JsonObject { ["prompt_tokens"] = 10, ["completion_tokens"] = 5, ["total_tokens"] = 15 };
        return json;
    }
}

/// <summary>One request as the model server received it.</summary>
public sealed record ModelRequest(JsonElement Body, string Authorization)
{
    public bool Stream => Body.TryGetProperty("stream", out var s) && s.ValueKind == JsonValueKind.True;

    /// <summary>True for understanding requests, which ask for a JSON object.</summary>
    public bool WantsJson => Body.TryGetProperty("response_format", out var f) && f.ValueKind == JsonValueKind.Object;

    public IReadOnlyList<string> ToolNames => Body.TryGetProperty("tools", out var tools)
        ? [.. tools.EnumerateArray().Select(t => t.GetProperty("function").GetProperty("name").GetString()!)]
        : [];

    public IReadOnlyList<(string Role, string Content)> Messages => [.. Body.GetProperty("messages").EnumerateArray()
        .Select(m => (m.GetProperty("role").GetString()!, m.TryGetProperty("content", out var c) ? ContentText(c) : ""))];

    public string LastUserText => Messages.Last(m => m.Role == "user").Content;

    public bool HasToolResult => Messages.Any(m => m.Role == "tool");

    private static string ContentText(JsonElement content) => content.ValueKind switch
    {
        JsonValueKind.String => content.GetString()!,
        JsonValueKind.Array => string.Concat(content.EnumerateArray().Select(p => p.TryGetProperty("text", out var t) ? t.GetString() : "")),
        _ => "",
    };
}

/// <summary>What the scripted model says back.</summary>
public abstract record ModelReply
{
    public static ModelReply Says(params string[] tokens) => new Text(tokens);

    public sealed record Text(IReadOnlyList<string> Tokens) : ModelReply;

    public sealed record ToolCall(string Name, string ArgumentsJson) : ModelReply;

    public sealed record Status(int Code) : ModelReply;

    /// <summary>A body sent as is, e.g. malformed JSON.</summary>
    public sealed record Raw(string Body) : ModelReply;

    public sealed record Delayed(TimeSpan Delay, ModelReply Then) : ModelReply;
}
