namespace ServiceBot.Conversation;

/// <summary>One run of a task form within a conversation.</summary>
public sealed class TaskInstance
{
    /// <summary>Unique per run; with the conversation id it makes the submission's idempotency key.</summary>
    public required string Id { get; init; }
    public required string Name { get; init; }
    public TaskState State { get; set; } = TaskState.Collecting;

    /// <summary>Accepted (validated, normalised) values by slot id.</summary>
    public Dictionary<string, string> Slots { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Invalid values given per slot since it last took a valid one; three hand the conversation to a person.</summary>
    public Dictionary<string, int> InvalidAttempts { get; init; } = new(StringComparer.Ordinal);

    /// <summary>The slot the bot asked for last, so a bare answer fills it.</summary>
    public string? PendingSlot { get; set; }

    public string? Ticket { get; set; }

    /// <summary>The backend's message when the submission was refused.</summary>
    public string? FailureReason { get; set; }

    /// <summary>After a refusal the user can fix (amount over balance), the slot to take again before resubmitting.</summary>
    public string? RetrySlot { get; set; }

    public bool IsOpen => State is TaskState.Collecting or TaskState.Confirming;
}

public enum TaskState
{
    Collecting,
    Confirming,
    Submitted,
    Cancelled,
    Failed,
}
