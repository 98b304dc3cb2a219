using System.Text.RegularExpressions;

namespace ServiceBot.Understanding.Slots;

/// <summary>
/// Slots whose value is the user's own words (地点, 伤情, 用人单位, 诉求). When the bot has just asked for
/// one, the reply is the value minus fillers; otherwise a few cue patterns pick them out of a sentence.
/// </summary>
public static partial class FreeTextSlots
{
    /// <summary>The reply without leading fillers (是/在/我的/就是/嗯) and trailing punctuation.</summary>
    public static string StripFillers(string reply)
    {
        var text = reply.Trim();
        string previous;
        do
        {
            previous = text;
            text = LeadingFiller().Replace(text, "").Trim();
        }
        while (text != previous);
        return text.TrimEnd('。', '.', '!', '！', '~', '，', ',', ' ').Trim();
    }

    public static (string Value, int Start, int Length)? FindPlace(string text) => Find(PlaceCue().Match(text), "place");

    public static (string Value, int Start, int Length)? FindInjury(string text) => Find(InjuryCue().Match(text), "injury");

    public static (string Value, int Start, int Length)? FindEmployer(string text) => Find(EmployerCue().Match(text), "employer");

    private static (string, int, int)? Find(Match match, string group)
        => match.Success ? (match.Groups[group].Value, match.Groups[group].Index, match.Groups[group].Length) : null;

    [GeneratedRegex(@"^(?:嗯+|呃|那个|就是|是在|是|在|我在|我的|我(?![们家])|地点是|地址是|位置是|地点在|地址在|位置在|大概|应该是|好的)[，,\s]*")]
    private static partial Regex LeadingFiller();

    // The first landmark ends the place, unless another follows at once (光明路公交站, 东风小学门口), a second street
    // makes a crossing (人民路和中华大街交叉口) or a number names the building (幸福小区三号楼).
    [GeneratedRegex(@"(?:在|(?:地址|位置|地点)是)(?<place>[^，,。！？!?\s在]{2,20}?(?:路口|十字路口|交叉口|路|街|大道|小区|广场|商场|门口|附近|站|大厦|医院|学校|村|镇|公园|桥|店)(?:[和与跟同][^，,。！？!?\s在]{1,10}?(?:大街|大道|路|街)(?:的?(?:交叉口|十字路口|路口))?)?(?:[^，,。！？!?\s在]{0,4}?(?:路口|十字路口|交叉口|路|街|大道|小区|广场|商场|门口|附近|站|大厦|医院|学校|村|镇|公园|桥|店))*(?:[0-9一二三四五六七八九十百]{1,6}(?:号楼|号院|栋|幢|单元|号))?)")]
    private static partial Regex PlaceCue();

    [GeneratedRegex(@"(?<injury>(?:左|右)?(?:小腿|大腿|胳膊|手臂|手腕|手掌|手指|脚踝|脚趾|膝盖|头部|腰部|腰椎|颈椎|脊椎|锁骨|肋骨|盆骨|尾骨|鼻梁|额头|下巴|牙齿|脖子|肩膀|腿|手|脚|头|腰|背|脸|眼睛)(?:部)?(?:摔|撞|砸|压|扭|划|擦|磕|碰)?(?:骨折|骨裂|摔伤|擦伤|扭伤|拉伤|挫伤|划伤|割伤|烫伤|烧伤|撞伤|咬伤|脱臼|受伤|摔断|断|裂|破|肿|流血|出血)了?|骨折|骨裂|脑震荡|软组织挫伤|擦伤|扭伤)")]
    private static partial Regex InjuryCue();

    [GeneratedRegex(@"(?:在|是|给|替|帮|被|对|投诉|告|叫|我们|我们单位)(?<employer>[\u4e00-\u9fffA-Za-z0-9（）()]{2,20}?(?:有限责任公司|有限公司|公司|集团|工厂|厂|工地|项目部|施工队|装修队|餐厅|饭店|饭馆|餐馆|酒店|超市|门店|商行|店|工作室|物流|物业))")]
    private static partial Regex EmployerCue();
}
