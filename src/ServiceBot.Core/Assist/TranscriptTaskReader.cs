using ServiceBot.Conversation;
using ServiceBot.Tasks;

namespace ServiceBot.Assist;

/// <summary>The task a transcript is about, pre-filled from the user's lines, and its required slots still missing in form order.</summary>
public sealed record TranscriptReading(TaskDefinition? Task, IReadOnlyDictionary<string, string> Slots, IReadOnlyList<string> Missing)
{
    public static TranscriptReading None { get; } = new(null, new Dictionary<string, string>(), []);

    /// <summary>The reading as the conversation engine shows a task in progress, or null without a task.</summary>
    public TaskSnapshot? ToSnapshot() => Task is null ? null : new TaskSnapshot(Task.Name, "collecting", Slots, Missing, null);
}

/// <summary>Recognises the task of a transcript and pre-fills its form; shared by call assist, suggestions and summaries.</summary>
public sealed class TranscriptTaskReader(TaskCatalog catalog, ConversationUnderstanding understanding)
{
    private readonly TranscriptTaskRecognizer _recognizer = new(catalog, understanding);
    private readonly CallerSlotReader _slots = new(understanding);

    public TaskCatalog Catalog => catalog;

    public TranscriptReading Read(IReadOnlyList<TranscriptLine> transcript, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(transcript);
        var userLines = transcript.Where(l => l.Speaker == Speakers.User).Select(l => l.Text).ToList();
        if (_recognizer.Recognize(userLines, at) is not { } task) return TranscriptReading.None;
        var slots = _slots.Read(task, transcript, at);
        var missing = task.Slots.Where(s => s.Required && !slots.ContainsKey(s.Id)).Select(s => s.Id).ToList();
        return new TranscriptReading(task, slots, missing);
    }
}
