using ServiceBot.Tasks;

namespace ServiceBot.Server.Sandbox;

/// <summary>Personal numbers in sandbox reads, masked the way the bot's replies show them.</summary>
public static class SandboxMasking
{
    public static SandboxTicket Mask(SandboxTicket ticket) =>
        ticket with { Slots = ticket.Slots.ToDictionary(s => s.Key, s => MaskSlot(s.Key, s.Value)) };

    public static string MaskSlot(string slot, string value) => slot switch
    {
        "id_number" => SlotFormatter.MaskIdNumber(value),
        "bank_card" => SlotFormatter.MaskBankCard(value),
        "phone" => SlotFormatter.MaskPhone(value),
        "passport" => MaskPassport(value),
        _ => value,
    };

    /// <summary>E1234****: the letter and the first digits, enough to tell two passports apart.</summary>
    public static string MaskPassport(string passport) =>
        passport.Length < 6 ? new string('*', passport.Length) : passport[..(passport.Length - 4)] + "****";
}
