using ServiceBot.Tasks;

namespace ServiceBot.Server.Sandbox;

/// <summary>Personal numbers in sandbox reads, masked the way the bot's replies show them.</summary>
public static class SandboxMasking
{
    public static SandboxTicket Mask(SandboxTicket ticket) =>
        ticket with { Slots = ticket.Slots.ToDictionary(s => s.Key, s => MaskSlot(s.Key, s.Value)) };

    public static string MaskSlot(string slot, string value) => SlotFormatter.MaskBySlotId(slot, value);
}
