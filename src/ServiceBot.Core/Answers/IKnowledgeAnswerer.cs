using ServiceBot.Knowledge;

namespace ServiceBot.Answers;

/// <summary>Answers a question from the knowledge base; grounded answers cite, the rest refuse and offer 12345.</summary>
public interface IKnowledgeAnswerer
{
    Task<Answer> AnswerAsync(string question, CancellationToken cancellationToken);
}

/// <summary>The offline answerer: the configured knowledge base (built on first use) and the extractive composer.</summary>
public sealed class ExtractiveKnowledgeAnswerer(KnowledgeBaseProvider knowledge, ExtractiveAnswerComposer composer) : IKnowledgeAnswerer
{
    public async Task<Answer> AnswerAsync(string question, CancellationToken cancellationToken)
        => composer.Compose(await knowledge.GetAsync(cancellationToken), question);
}
