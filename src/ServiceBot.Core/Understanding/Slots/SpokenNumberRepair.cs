using System.Text.RegularExpressions;

namespace ServiceBot.Understanding.Slots;

/// <summary>
/// Repairs that callers make while reading a number out, applied before the number is read: a group said again
/// after 不对 or 不是 replaces the group before it (幺幺九三 不对 是幺幺三零 → 幺幺三零), and a check character named
/// after the digits (…二八九 最后一位是叉) joins them. Groups must be the same length, so amounts (三万 不对 两万)
/// and other words are left alone.
/// </summary>
public static partial class SpokenNumberRepair
{
    public static string Apply(string text)
    {
        if (string.IsNullOrEmpty(text)) return text ?? "";
        var repaired = RegroupedCorrection().Replace(text, m =>
            DigitCount(m.Groups["wrong"].Value) == DigitCount(m.Groups["right"].Value) ? "" : m.Value);
        return TrailingCheckCharacter().Replace(repaired, "叉");
    }

    private static int DigitCount(string group) => group.Count(c => SpokenDigits.Digit(c) is not null);

    [GeneratedRegex(@"(?<wrong>[0-9零〇一二两三四五六七八九幺]{3,})\s*(?:哦|啊|哎|呃|嗯)?\s*(?:不对|不是|说错了|念错了|错了)(?:\s*不对)*\s*(?:是|应该是)?\s*(?=(?<right>[0-9零〇一二两三四五六七八九幺]{3,}))")]
    private static partial Regex RegroupedCorrection();

    [GeneratedRegex(@"(?<=[0-9零〇一二两三四五六七八九幺])\s*(?:最后一位|最后一个|最后一位数|最后|末位|尾数)(?:是|为)?个?\s*(?:叉|x|X|艾克斯)")]
    private static partial Regex TrailingCheckCharacter();
}
