using ServiceBot.Knowledge;

namespace ServiceBot.Answers;

/// <summary>Answers a question from the knowledge base; grounded answers cite, the rest refuse and offer 12345.</summary>
public interface IKnowledgeAnswerer
{
    Task<Answer> AnswerAsync(string question, CancellationToken cancellationToken);

    /// <summary>A question about the catalog task <paramref name="task"/> (材料, 时限, 能不能 …), answered from its guide first.</summary>
    Task<Answer> AnswerTaskQuestionAsync(string question, string task, CancellationToken cancellationToken)
        => AnswerAsync(question, cancellationToken);
}

/// <summary>The offline answerer: the configured knowledge base (built on first use) and the extractive composer.</summary>
public sealed class ExtractiveKnowledgeAnswerer(KnowledgeBaseProvider knowledge, ExtractiveAnswerComposer composer) : IKnowledgeAnswerer
{
    public async Task<Answer> AnswerAsync(string question, CancellationToken cancellationToken)
        => composer.Compose(await knowledge.GetAsync(cancellationToken), question);

    public async Task<Answer> AnswerTaskQuestionAsync(string question, string task, CancellationToken cancellationToken)
        => composer.ComposeForTask(await knowledge.GetAsync(cancellationToken), question, task);
}
