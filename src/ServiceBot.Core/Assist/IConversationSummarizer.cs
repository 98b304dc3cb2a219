using ServiceBot.Conversation;

namespace ServiceBot.Assist;

/// <summary>A short summary of a conversation or call for the agent who picks it up.</summary>
public interface IConversationSummarizer
{
    Task<string> SummarizeAsync(IReadOnlyList<TranscriptLine> transcript, TaskSnapshot? task, CancellationToken cancellationToken);
}
