using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ServiceBot.Llm;

/// <summary>
/// Keeps the model to an allow-list of tools: tools outside it are never offered, and a call the model makes to any other
/// function (a submission it read about in a document, say) is removed from the response before anything can run it.
/// Side effects happen only through the confirmed form, so no submission function is ever on the list.
/// </summary>
public sealed partial class ToolGuardrailChatClient : DelegatingChatClient
{
    private readonly ILogger _logger;

    public ToolGuardrailChatClient(IChatClient innerClient, IEnumerable<string> allowedTools, ILogger? logger = null) : base(innerClient)
    {
        ArgumentNullException.ThrowIfNull(allowedTools);
        AllowedTools = allowedTools.ToHashSet(StringComparer.Ordinal);
        _logger = logger ?? NullLogger.Instance;
    }

    public IReadOnlySet<string> AllowedTools { get; }

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        var response = await base.GetResponseAsync(messages, Restrict(options), cancellationToken).ConfigureAwait(false);
        foreach (var message in response.Messages) RemoveForbiddenCalls(message.Contents);
        return response;
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages,
        ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var update in base.GetStreamingResponseAsync(messages, Restrict(options), cancellationToken).ConfigureAwait(false))
        {
            RemoveForbiddenCalls(update.Contents);
            yield return update;
        }
    }

    private ChatOptions? Restrict(ChatOptions? options)
    {
        if (options?.Tools is not { Count: > 0 } tools || tools.All(t => AllowedTools.Contains(t.Name))) return options;
        var restricted = options.Clone();
        restricted.Tools = [.. tools.Where(t => AllowedTools.Contains(t.Name))];
        return restricted;
    }

    private void RemoveForbiddenCalls(IList<AIContent> contents)
    {
        for (var i = contents.Count - 1; i >= 0; i--)
        {
            if (contents[i] is not FunctionCallContent call || AllowedTools.Contains(call.Name)) continue;
            contents.RemoveAt(i);
            // The function name only: arguments may hold personal data.
            LogForbiddenCall(_logger, call.Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Removed the model's call to '{FunctionName}', which is not an allowed tool.")]
    private static partial void LogForbiddenCall(ILogger logger, string functionName);
}
