using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace ServiceBot.Core.Tests.Llm;

/// <summary>An <see cref="IChatClient"/> answered by delegates; it records every request it receives.</summary>
internal sealed class TestChatClient : IChatClient
{
    public Func<IList<ChatMessage>, ChatOptions?, CancellationToken, Task<ChatResponse>>? GetResponseAsyncCallback { get; set; }

    public Func<IList<ChatMessage>, ChatOptions?, CancellationToken, IAsyncEnumerable<ChatResponseUpdate>>? GetStreamingResponseAsyncCallback { get; set; }

    public Func<Type, object?, object?> GetServiceCallback { get; set; } =
        (type, _) => type == typeof(ChatClientMetadata) ? new ChatClientMetadata("test") : null;

    public List<(IList<ChatMessage> Messages, ChatOptions? Options)> Requests { get; } = [];

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages.ToList();
        Requests.Add((list, options));
        return GetResponseAsyncCallback!(list, options, cancellationToken);
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        var list = messages.ToList();
        Requests.Add((list, options));
        return GetStreamingResponseAsyncCallback!(list, options, cancellationToken);
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => GetServiceCallback(serviceType, serviceKey);

    public void Dispose()
    {
    }

    /// <summary>A client that streams <paramref name="tokens"/> one update each, and answers them joined when not streaming.</summary>
    public static TestChatClient Replying(params string[] tokens) => new()
    {
        GetResponseAsyncCallback = (_, _, _) => Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, string.Concat(tokens)))),
        GetStreamingResponseAsyncCallback = (_, _, cancellationToken) => Stream(tokens, cancellationToken),
    };

    /// <summary>A client whose every call fails with <paramref name="exception"/>.</summary>
    public static TestChatClient Failing(Exception exception) => new()
    {
        GetResponseAsyncCallback = (_, _, _) => Task.FromException<ChatResponse>(exception),
        GetStreamingResponseAsyncCallback = (_, _, _) => Throw(exception),
    };

    private static async IAsyncEnumerable<ChatResponseUpdate> Stream(IEnumerable<string> tokens, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var token in tokens)
        {
            await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
            yield return new ChatResponseUpdate(ChatRole.Assistant, token);
        }
    }

    private static async IAsyncEnumerable<ChatResponseUpdate> Throw(Exception exception)
    {
        await Task.Yield();
        throw exception;
#pragma warning disable CS0162 // an iterator needs a yield to be one
        yield break;
#pragma warning restore CS0162
    }
}
