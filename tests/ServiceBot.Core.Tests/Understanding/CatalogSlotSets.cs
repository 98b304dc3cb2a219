using ServiceBot.Understanding.Slots;

namespace ServiceBot.Core.Tests.Understanding;

/// <summary>The slot sets of the catalog tasks, as the extractor tests ask for them, and a value reader.</summary>
internal static class CatalogSlotSets
{
    public static readonly string[] FundSlots = [SlotIds.IdNumber, SlotIds.Reason, SlotIds.Amount, SlotIds.BankCard];
    public static readonly string[] InjurySlots =
        [SlotIds.IdNumber, SlotIds.Platform, SlotIds.AccidentTime, SlotIds.AccidentPlace, SlotIds.Injury, SlotIds.Phone];
    public static readonly string[] WageSlots = [SlotIds.IdNumber, SlotIds.Employer, SlotIds.Amount, SlotIds.Period, SlotIds.Phone];
    public static readonly string[] TransferSlots = [SlotIds.IdNumber, SlotIds.FromCity, SlotIds.ToCity, SlotIds.InsuranceType];
    public static readonly string[] StationSlots = [SlotIds.City, SlotIds.District];

    public static string? Value(SlotExtractionResult result, string slot) => result.TryGetValue(slot, out var s) ? s.Value : null;
}
