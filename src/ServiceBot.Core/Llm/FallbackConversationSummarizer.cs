using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ServiceBot.Assist;
using ServiceBot.Conversation;

namespace ServiceBot.Llm;

/// <summary>The model's summary with the offline one behind it: a failing model never leaves a handoff without a summary.</summary>
public sealed partial class FallbackConversationSummarizer(
    IConversationSummarizer model, IConversationSummarizer offline, ILogger<FallbackConversationSummarizer>? logger = null) : IConversationSummarizer
{
    private readonly ILogger _logger = logger ?? (ILogger)NullLogger.Instance;

    public async Task<string> SummarizeAsync(IReadOnlyList<TranscriptLine> transcript, TaskSnapshot? task, CancellationToken cancellationToken)
    {
        try
        {
            return await model.SummarizeAsync(transcript, task, cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            LogFallback(_logger, exception.GetType().Name);
            return await offline.SummarizeAsync(transcript, task, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The model could not summarise ({ExceptionType}); the offline summary was used.")]
    private static partial void LogFallback(ILogger logger, string exceptionType);
}
