namespace ServiceBot.Understanding.Slots;

/// <summary>Chinese numerals as people type them: 三千五百, 两万, 一万五 (=15000), 三千五 (=3500), 一点五万, 十五.</summary>
public static class ChineseNumber
{
    /// <summary>Characters that can appear in a Chinese numeral.</summary>
    public const string Characters = "零〇一二两三四五六七八九十百千万亿点壹贰叁肆伍陆柒捌玖拾佰仟";

    public static bool TryParse(ReadOnlySpan<char> text, out decimal value)
    {
        value = 0;
        if (text.IsEmpty) return false;
        var point = text.IndexOf('点');
        if (point >= 0) return TryParseDecimal(text, point, out value);
        return TryParseInteger(text, out value);
    }

    public static int? Digit(char c) => c switch
    {
        '零' or '〇' => 0,
        '一' or '壹' => 1,
        '二' or '两' or '贰' => 2,
        '三' or '叁' => 3,
        '四' or '肆' => 4,
        '五' or '伍' => 5,
        '六' or '陆' => 6,
        '七' or '柒' => 7,
        '八' or '捌' => 8,
        '九' or '玖' => 9,
        _ => null,
    };

    private static long? Unit(char c) => c switch
    {
        '十' or '拾' => 10,
        '百' or '佰' => 100,
        '千' or '仟' => 1000,
        '万' => 10_000,
        '亿' => 100_000_000,
        _ => null,
    };

    private static bool TryParseInteger(ReadOnlySpan<char> text, out decimal value)
    {
        value = 0;
        decimal total = 0, section = 0;
        long? pendingDigit = null;
        long lastUnit = 1;
        var sawZero = false;
        foreach (var c in text)
        {
            if (Digit(c) is { } d)
            {
                if (pendingDigit is not null) return false; // 三五 is not a numeral
                if (d == 0) { sawZero = true; continue; }
                pendingDigit = d;
                continue;
            }
            if (Unit(c) is not { } unit) return false;
            if (unit >= 10_000)
            {
                total = (total + section + (pendingDigit ?? 0)) * unit;
                section = 0;
            }
            else
            {
                section += (pendingDigit ?? (section == 0 && total == 0 ? 1 : 0)) * unit;
            }
            if (pendingDigit is null && unit < 10_000 && section == 0) return false;
            pendingDigit = null;
            lastUnit = unit;
            sawZero = false;
        }
        if (pendingDigit is { } tail)
        {
            // 一万五 means 15000 and 三千五 means 3500; after a zero (三千零五) the tail is literal.
            var scale = lastUnit > 1 && !sawZero ? lastUnit / 10 : 1;
            section += tail * scale;
        }
        value = total + section;
        return value > 0 || sawZero;
    }

    private static bool TryParseDecimal(ReadOnlySpan<char> text, int point, out decimal value)
    {
        value = 0;
        var integerPart = text[..point];
        var rest = text[(point + 1)..];
        long multiplier = 1;
        if (rest.Length > 0 && Unit(rest[^1]) is { } unit and >= 1000)
        {
            multiplier = unit;
            rest = rest[..^1];
        }
        if (rest.IsEmpty) return false;
        decimal whole = 0;
        if (!integerPart.IsEmpty && !TryParseInteger(integerPart, out whole)) return false;
        decimal fraction = 0, scale = 0.1m;
        foreach (var c in rest)
        {
            if (Digit(c) is not { } d) return false;
            fraction += d * scale;
            scale /= 10;
        }
        value = (whole + fraction) * multiplier;
        return true;
    }
}
