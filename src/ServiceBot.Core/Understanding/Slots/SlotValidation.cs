namespace ServiceBot.Understanding.Slots;

/// <summary>The verdict on one slot value: its canonical form when valid, a reason for the user when not.</summary>
public sealed record SlotValidation(bool IsValid, string? Normalized, string? Reason)
{
    public static SlotValidation Valid(string normalized) => new(true, normalized, null);

    public static SlotValidation Invalid(string reason, string? normalized = null) => new(false, normalized, reason);
}
