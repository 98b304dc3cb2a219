using ServiceBot.Answers;

namespace ServiceBot.Benchmarks.Answers;

/// <summary>The engine's answerer, reporting every answer it returns with the question as the engine handed it over.</summary>
internal sealed class ObservingAnswerer(IKnowledgeAnswerer inner, Action<string, Answer> observe) : IKnowledgeAnswerer
{
    public async Task<Answer> AnswerAsync(string question, CancellationToken cancellationToken)
        => Observed(question, await inner.AnswerAsync(question, cancellationToken));

    public async Task<Answer> AnswerTaskQuestionAsync(string question, string task, CancellationToken cancellationToken)
        => Observed(question, await inner.AnswerTaskQuestionAsync(question, task, cancellationToken));

    private Answer Observed(string question, Answer answer)
    {
        observe(question, answer);
        return answer;
    }
}
