namespace ServiceBot.Assist;

/// <summary>
/// Call assist over the transcript so far: the task and its pre-filled 工单 (caller's lines only), the slots still
/// missing, a summary and suggested replies. Every line is read against the call's own time, so 昨天 means the day
/// before the call however late the request comes.
/// </summary>
public sealed class CallAssistant(TranscriptTaskReader reader, IConversationSummarizer summarizer, IReplySuggester suggester, TimeProvider clock)
    : ICallAssistant
{
    public async Task<CallAssistResult> AssistAsync(CallAssistRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var at = request.At ?? clock.GetUtcNow();
        var lines = (request.Utterances ?? [])
            .Where(l => l is not null && !string.IsNullOrWhiteSpace(l.Text))
            .Select(l => l with { At = at })
            .ToList();
        var reading = reader.Read(lines, at);

        // Independent of each other; with a model configured both are remote calls.
        var summary = summarizer.SummarizeAsync(lines, reading.ToSnapshot(), cancellationToken);
        var suggestions = suggester.SuggestAsync(lines, cancellationToken);
        await Task.WhenAll(summary, suggestions);

        var task = reading.Task is null ? null : new AssistedTask(reading.Task.Name, reading.Slots, reading.Missing);
        return new CallAssistResult(task, await summary, await suggestions);
    }
}
