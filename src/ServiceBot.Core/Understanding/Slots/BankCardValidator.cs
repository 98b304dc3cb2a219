namespace ServiceBot.Understanding.Slots;

/// <summary>Bank card number: 13–19 digits ending in a valid Luhn check digit.</summary>
public static class BankCardValidator
{
    public static SlotValidation Validate(string? raw)
    {
        var card = raw is null ? "" : new string(raw.Where(c => c is not (' ' or '-' or '\u3000')).ToArray());
        if (card.Length == 0) return SlotValidation.Invalid("请提供银行卡号");
        if (!card.All(char.IsAsciiDigit)) return SlotValidation.Invalid("银行卡号只能包含数字，请核对后重新输入");
        if (card.Length is < 13 or > 19) return SlotValidation.Invalid($"银行卡号应为13到19位数字，您输入的是{card.Length}位");
        if (!PassesLuhn(card)) return SlotValidation.Invalid("银行卡号校验不通过，请核对后重新输入");
        return SlotValidation.Valid(card);
    }

    /// <summary>Luhn (mod 10) over a string of ASCII digits.</summary>
    public static bool PassesLuhn(ReadOnlySpan<char> digits)
    {
        var sum = 0;
        for (int i = digits.Length - 1, position = 0; i >= 0; i--, position++)
        {
            var d = digits[i] - '0';
            if (position % 2 == 1) { d *= 2; if (d > 9) d -= 9; }
            sum += d;
        }
        return sum % 10 == 0;
    }
}
