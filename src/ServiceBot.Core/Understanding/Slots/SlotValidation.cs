namespace ServiceBot.Understanding.Slots;

/// <summary>
/// The verdict on one slot value: its canonical form when valid, a reason for the user when not, and when not, a value
/// that would pass (the next working day) to offer as a quick reply.
/// </summary>
public sealed record SlotValidation(bool IsValid, string? Normalized, string? Reason, string? Suggestion = null)
{
    public static SlotValidation Valid(string normalized) => new(true, normalized, null);

    public static SlotValidation Invalid(string reason, string? normalized = null, string? suggestion = null) => new(false, normalized, reason, suggestion);
}
