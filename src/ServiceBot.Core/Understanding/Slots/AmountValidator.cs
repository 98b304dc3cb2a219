namespace ServiceBot.Understanding.Slots;

/// <summary>A positive amount in yuan, at most two decimals, and not absurdly large.</summary>
public static class AmountValidator
{
    public const decimal Maximum = 10_000_000m;

    /// <summary>Validates what the user typed: "3000", "3,000元", "三千五", "1.5万".</summary>
    public static SlotValidation Validate(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return SlotValidation.Invalid("请提供金额（单位：元）");
        if (!AmountExtractor.TryParse(raw, out var yuan)) return SlotValidation.Invalid("没有识别出金额，请输入数字，例如 3000 元");
        return Validate(yuan);
    }

    public static SlotValidation Validate(decimal yuan)
    {
        if (yuan <= 0) return SlotValidation.Invalid("金额必须大于0元，请重新输入");
        if (yuan > Maximum) return SlotValidation.Invalid("金额超过1000万元，请核对后重新输入");
        if (decimal.Round(yuan, 2) != yuan) return SlotValidation.Invalid("金额最多精确到分（两位小数），请重新输入");
        return SlotValidation.Valid(AmountExtractor.Format(yuan));
    }
}
