using ServiceBot.Localization;
namespace ServiceBot.Understanding.Slots;

/// <summary>A positive amount in yuan, at most two decimals, and not absurdly large.</summary>
public static class AmountValidator
{
    public const decimal Maximum = 10_000_000m;

    /// <summary>Validates what the user typed: "3000", "3,000元", "三千五", "1.5万".</summary>
    public static SlotValidation Validate(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return SlotValidation.Invalid(BotText.Get(nameof(BotTexts.Validation_AmountMissing)));
        if (!AmountExtractor.TryParse(raw, out var yuan)) return SlotValidation.Invalid(BotText.Get(nameof(BotTexts.Validation_AmountUnreadable)));
        return Validate(yuan);
    }

    public static SlotValidation Validate(decimal yuan)
    {
        if (yuan <= 0) return SlotValidation.Invalid(BotText.Get(nameof(BotTexts.Validation_AmountNotPositive)));
        if (yuan > Maximum) return SlotValidation.Invalid(BotText.Get(nameof(BotTexts.Validation_AmountTooLarge)));
        if (decimal.Round(yuan, 2) != yuan) return SlotValidation.Invalid(BotText.Get(nameof(BotTexts.Validation_AmountPrecision)));
        return SlotValidation.Valid(AmountExtractor.Format(yuan));
    }
}
