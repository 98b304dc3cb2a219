using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ServiceBot.Tasks;
using ServiceBot.Understanding;

namespace ServiceBot.Llm;

/// <summary>
/// The model's interpreter with "no proposal" behind it: when the model fails, times out or answers junk, the offline engine
/// handles the turn alone and the user never sees an error. Only the caller's own cancellation passes through.
/// </summary>
public sealed partial class FallbackUtteranceInterpreter(IUtteranceInterpreter model, ILogger<FallbackUtteranceInterpreter>? logger = null)
    : IUtteranceInterpreter
{
    private readonly ILogger _logger = logger ?? (ILogger)NullLogger.Instance;

    public async Task<Interpretation?> InterpretAsync(string text, IReadOnlyList<TaskDefinition> tasks, string? expectedSlot,
        CancellationToken cancellationToken)
    {
        try
        {
            return await model.InterpretAsync(text, tasks, expectedSlot, cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            LogFallback(_logger, exception.GetType().Name);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The model could not interpret the message ({ExceptionType}); the offline engine handles it alone.")]
    private static partial void LogFallback(ILogger logger, string exceptionType);
}
