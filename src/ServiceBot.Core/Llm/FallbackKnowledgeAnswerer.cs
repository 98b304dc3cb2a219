using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ServiceBot.Answers;

namespace ServiceBot.Llm;

/// <summary>
/// The model's answerer with the offline one behind it: when the model fails (an HTTP error, a timeout, junk), the user gets
/// the offline answer and never an error. Only the caller's own cancellation passes through.
/// </summary>
public sealed partial class FallbackKnowledgeAnswerer(IKnowledgeAnswerer model, IKnowledgeAnswerer offline, ILogger<FallbackKnowledgeAnswerer>? logger = null)
    : IKnowledgeAnswerer
{
    private readonly ILogger _logger = logger ?? (ILogger)NullLogger.Instance;

    public Task<Answer> AnswerAsync(string question, CancellationToken cancellationToken)
        => WithFallbackAsync(answerer => answerer.AnswerAsync(question, cancellationToken), cancellationToken);

    public Task<Answer> AnswerTaskQuestionAsync(string question, string task, CancellationToken cancellationToken)
        => WithFallbackAsync(answerer => answerer.AnswerTaskQuestionAsync(question, task, cancellationToken), cancellationToken);

    private async Task<Answer> WithFallbackAsync(Func<IKnowledgeAnswerer, Task<Answer>> answer, CancellationToken cancellationToken)
    {
        try
        {
            return await answer(model);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            // The exception type only: messages of HTTP failures can echo the request, and the question is personal.
            LogFallback(_logger, exception.GetType().Name);
            return await answer(offline);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The model could not answer ({ExceptionType}); the offline engine answered instead.")]
    private static partial void LogFallback(ILogger logger, string exceptionType);
}
