using System.Text.RegularExpressions;
using ServiceBot.Text;
using ServiceBot.Understanding.Slots;

namespace ServiceBot.Understanding.Dialog;

/// <summary>
/// Corrections such as 不对，金额改成2000 / 手机号错了，应该是13900002222 / 把城市改成石家庄, and in English
/// "change the phone number to 13900002222" / "the amount should be 2000". Slot names come from slot-names.txt;
/// a name shared by several slots (地点) resolves to the one the task has.
/// </summary>
public sealed partial class CorrectionDetector
{
    private readonly List<(string Name, string SlotId)> _names;

    public CorrectionDetector(AliasLexicon slotNames)
    {
        // The lexicon maps a slot id to its names; invert it, longest name first (手机号码 before 手机).
        _names = slotNames.Canonicals
            .SelectMany(slot => NamesOf(slotNames, slot).Select(name => (name, slot)))
            .OrderByDescending(p => p.name.Length)
            .ToList();
    }

    public static CorrectionDetector CreateDefault() => new(AliasLexicon.Parse(UnderstandingData.ReadLexicon("slot-names.txt")));

    /// <param name="taskSlotIds">The slots of the active task; only these can be corrected.</param>
    public SlotCorrection? Detect(string text, IReadOnlyCollection<string> taskSlotIds)
    {
        var normalized = TextNormalizer.Normalize(text).Trim();
        var match = NamedChange().Match(normalized);
        var english = !match.Success;
        if (english) match = EnglishNamedChange().Match(normalized);
        if (match.Success)
        {
            // Normalising keeps every character in place, so an English value keeps its case from the user's own words (Yiwu Trading).
            var group = match.Groups["value"];
            var value = CleanValue(english ? text.Trim().Substring(group.Index, group.Length) : group.Value);
            if (value.Length == 0) return null;
            var nameText = match.Groups["name"].Value;
            var slot = _names.FirstOrDefault(n => Names(nameText, n.Name) && taskSlotIds.Contains(n.SlotId)).SlotId;
            if (slot is not null) return new SlotCorrection(slot, value);
        }
        var unnamed = UnnamedChange().Match(normalized);
        if (unnamed.Success && CleanValue(unnamed.Groups["value"].Value) is { Length: > 0 } newValue)
            return new SlotCorrection(null, newValue);
        return null;
    }

    /// <summary>The name ends the named part (把手机号 → 手机号); an English name is a whole word there (not "id" in "paid").</summary>
    private static bool Names(string nameText, string name)
        => nameText.EndsWith(name, StringComparison.Ordinal)
           && (!char.IsAsciiLetter(name[0]) || nameText.Length == name.Length || nameText[^(name.Length + 1)] == ' ');

    private static IEnumerable<string> NamesOf(AliasLexicon lexicon, string slot)
        => lexicon.AliasesOf(slot);

    private static string CleanValue(string value)
        => value.Trim().TrimEnd('。', '.', '!', '！', '~', '吧', '啊', '呀', '哈').Trim();

    // "[不对，][把]<name>[写错了|错了][，][应该]改成|是|为 <value>"
    [GeneratedRegex(@"^(?:(?:不对|错了|不是|有误|搞错了|说错了)[,，.。\s]*)?(?:把|将|我的)?(?<name>[\u4e00-\u9fff]{1,6}?)(?:写错了|填错了|输错了|说错了|错了|不对|有误)?[,，.。\s]*(?:应该|应当|应)?(?:改成|改为|换成|更正为|更改为|修改为|改一下|是|为)[:：\s]*(?<value>.+)$")]
    private static partial Regex NamedChange();

    // "[no,] [please] change|update|correct [the|my] <name> to <value>" or "[no,] [the|my] <name> should be|is actually <value>"
    [GeneratedRegex(@"^(?:(?:no|wrong|sorry)[,.!\s]+)?(?:please\s+)?(?:(?:change|update|correct|set)\s+(?:the\s+|my\s+)?(?<name>[a-z][a-z' ]{1,30}?)\s+(?:to|into|as)|(?:the\s+|my\s+)?(?<name>[a-z][a-z' ]{1,30}?)\s+(?:should be|must be|is actually|is now))[:\s]+(?<value>.+)$")]
    private static partial Regex EnglishNamedChange();

    [GeneratedRegex(@"^(?:不对|错了|不是)[^,，]*[,，.。\s]+(?:应该是|应该|是|改成|换成)(?<value>.+)$")]
    private static partial Regex UnnamedChange();
}
