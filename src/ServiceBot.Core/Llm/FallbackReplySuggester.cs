using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ServiceBot.Assist;

namespace ServiceBot.Llm;

/// <summary>The model's suggestions with the offline ones behind them: a failing model never leaves the agent without suggestions.</summary>
public sealed partial class FallbackReplySuggester(IReplySuggester model, IReplySuggester offline, ILogger<FallbackReplySuggester>? logger = null)
    : IReplySuggester
{
    private readonly ILogger _logger = logger ?? (ILogger)NullLogger.Instance;

    public async Task<IReadOnlyList<SuggestedReply>> SuggestAsync(IReadOnlyList<TranscriptLine> transcript, CancellationToken cancellationToken)
    {
        try
        {
            return await model.SuggestAsync(transcript, cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            // The exception type only: the transcript is personal.
            LogFallback(_logger, exception.GetType().Name);
            return await offline.SuggestAsync(transcript, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The model could not suggest replies ({ExceptionType}); the offline suggestions were used.")]
    private static partial void LogFallback(ILogger logger, string exceptionType);
}
