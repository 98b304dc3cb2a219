namespace ServiceBot.Assist;

/// <summary>A hotline call so far: the speech-recognised lines of the caller and the agent.</summary>
/// <param name="At">The call's own time; relative dates (昨天下午三点) resolve against it. Null means now.</param>
public sealed record CallAssistRequest(string CallId, DateTimeOffset? At, IReadOnlyList<TranscriptLine> Utterances);

/// <summary>The work order (工单) pre-filled from the caller's lines only. Slot values are full and normalised; callers mask them.</summary>
public sealed record AssistedTask(string Name, IReadOnlyDictionary<string, string> Slots, IReadOnlyList<string> Missing);

public sealed record CallAssistResult(AssistedTask? Task, string Summary, IReadOnlyList<SuggestedReply> Suggestions);

/// <summary>Call assist for the 12345 hotline: recognise the task, pre-fill it, summarise and suggest replies.</summary>
public interface ICallAssistant
{
    Task<CallAssistResult> AssistAsync(CallAssistRequest request, CancellationToken cancellationToken);
}
