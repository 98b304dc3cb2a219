namespace ServiceBot.Understanding.Dialog;

/// <summary>
/// The user changing a value already given: <see cref="SlotId"/> is null when they named no slot
/// (不是3000，是2000) and the value alone must tell which slot it is.
/// </summary>
public sealed record SlotCorrection(string? SlotId, string NewValue);
