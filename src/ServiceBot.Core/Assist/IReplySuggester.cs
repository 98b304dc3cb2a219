namespace ServiceBot.Assist;

/// <summary>Drafts two or three replies to the user's latest message from the bot's own knowledge.</summary>
public interface IReplySuggester
{
    Task<IReadOnlyList<SuggestedReply>> SuggestAsync(IReadOnlyList<TranscriptLine> transcript, CancellationToken cancellationToken);
}
