using System.Text.RegularExpressions;

namespace ServiceBot.Answers;

/// <summary>
/// Which section of a task's 办事指南 a question about the task asks for: 材料 → 所需材料, 多久 → 办理时限,
/// 能不能 → 适用对象和办理条件, 收费 → 收费标准, 怎么办 → 办理流程, 是干啥的 → 概述. Questions without such a cue are matched
/// against the guide's 常见问题 and sections by coverage alone. English cues (documents, how long, fees, can I) name the same sections.
/// </summary>
public static partial class TaskGuideSections
{
    public const string Conditions = "适用对象和办理条件";
    public const string Materials = "所需材料";
    public const string Procedure = "办理流程";
    public const string TimeLimit = "办理时限";
    public const string Fees = "收费标准";
    public const string Questions = "常见问题";
    public const string Online = "线上办理";
    public const string Overview = "概述";

    /// <summary>The headings of the same sections in an English guide (knowledge/guides/en).</summary>
    private static readonly Dictionary<string, string> EnglishNames = new(StringComparer.Ordinal)
    {
        [Conditions] = "Who can apply",
        [Materials] = "Required materials",
        [Procedure] = "Procedure",
        [TimeLimit] = "Time limit",
        [Fees] = "Fees",
        [Questions] = "Frequently asked questions",
        [Online] = "Online service",
    };

    /// <summary>Whether a guide's <paramref name="section"/> is the section <paramref name="asked"/> names, in Chinese or English.</summary>
    public static bool IsSection(string section, string? asked)
        => asked is not null && (section == asked || EnglishNames.GetValueOrDefault(asked) == section);

    /// <summary>The heading of <paramref name="section"/> in an English guide; the name itself when it has none.</summary>
    public static string EnglishName(string section) => EnglishNames.GetValueOrDefault(section, section);

    /// <summary>The guide front matter key naming the catalog task a guide describes.</summary>
    public const string TaskKey = "task";

    /// <summary>
    /// Whether the question asks who may apply or use the service (外地户口能办吗, 不是骑手也能去吗, 只给外卖员用吗, am I allowed to
    /// use the stations), by its words rather than by a bare 能吗: a look-up's list never says, so such a question is no look-up.
    /// </summary>
    public static bool AsksConditions(string question) => ConditionsCue().IsMatch(question);

    /// <summary>
    /// The section the question's wording asks for, or null. Earlier cues win: "要带啥材料多久" asks for materials.
    /// Cues include how people type on a phone: 要填啥 / 得给你啥信息 (materials), 得等好久 / 两年多了还管不管 (time
    /// limit, which also states how late one may still apply; 坏了好几天了 tells how long, it does not ask), 代办费 / 请律师的钱 (fees), 谁都能查 / 外地户口 (who may
    /// apply), 咋整 / 找谁报 (procedure), 网上 / 在你这 / in the app (线上办理, the way to do it in the chat; "switched off
    /// the app" tells, it asks no way), 是干啥的 / 是个啥业务 (概述, what the service is; a question what a status or a word
    /// means asks a 常见问题, not the outline).
    /// </summary>
    public static string? AskedFor(string question)
    {
        if (MaterialsCue().IsMatch(question)) return Materials;
        if (TimeLimitCue().IsMatch(question)) return TimeLimit;
        if (FeesCue().IsMatch(question)) return Fees;
        // A bare yes/no (能吗, can I) asks for the conditions unless it names a way of doing it: "Can I do it online?".
        if (ConditionsCue().IsMatch(question) || (YesNoCue().IsMatch(question) && !OnlineCue().IsMatch(question))) return Conditions;
        if (ProcedureCue().IsMatch(question)) return Procedure;
        if (OnlineCue().IsMatch(question)) return Online;
        if (OverviewCue().IsMatch(question)) return Overview;
        return null;
    }

    [GeneratedRegex(@"材料|资料|证件|证明|带什么|带啥|带哪些|准备什么|准备啥|准备哪些|要提供|需要提供|(提供|准备|带|交)(些|点)?(啥|什么)|哪几样|填什么|填啥|填些啥|填哪些|(啥|什么|哪些)信息|告诉你(啥|什么)|得要啥|需要啥|要些啥|要啥(东西)?[?？。!！\s]*$|\b(documents?|materials?|paperwork|bring|prepare|what (else )?(do|does|would|will) (i|you|we) need( from me)?|what information|what details|(need|have) to (provide|give|show|submit))\b", RegexOptions.IgnoreCase)]
    private static partial Regex MaterialsCue();

    [GeneratedRegex(@"多久|多快|好久|多长时间|多少时间|多少天|(?<!好)几天|(?<!好)几个月|时限|时效|期限|来得及|时间限制|什么时候|啥时候|过期|到账|还管不管|还受理|还能(告|投诉?|仲裁|报)|\b(how long|how many days|deadline|time limit|when will|how soon|how quickly|right away|straight away)\b", RegexOptions.IgnoreCase)]
    private static partial Regex TimeLimitCue();

    [GeneratedRegex(@"费用|收费|收钱|要钱|花钱|免费|多少钱|交钱|手续费|代办费|服务费|工本费|律师费|律师的钱|钱(是)?谁出|谁出钱|谁掏钱|\b(fees?|charges?|cost|free|how much|(have|need) to pay|pay anything)\b", RegexOptions.IgnoreCase)]
    private static partial Regex FeesCue();

    [GeneratedRegex(@"条件|符合|资格|够不够|谁都能|谁能|什么人能|哪些人能|别人能|外地户口|(也|都|还)(能|可以)(去|用|进)|(能不能|可不可以)(去|用|进)|让不让|只(给|对|让|限|供|有|能).{0,10}(用|去|进|能)|\b(conditions?|eligible|eligibility|qualify|not (a )?local|non-?local|who can|can (a|an|foreigners?|companies)|open to|only for|(am|are|is) (i|we|he|she|drivers|couriers|everyone|anyone) allowed|(can|may) (i|we|he|she|drivers|couriers|anyone|non-riders?) (also )?(use|go|enter))\b", RegexOptions.IgnoreCase)]
    private static partial Regex ConditionsCue();

    [GeneratedRegex(@"能不能|可不可以|能否|可以吗|能吗|行不行|中不中|\b(can i|am i allowed)\b", RegexOptions.IgnoreCase)]
    private static partial Regex YesNoCue();

    [GeneratedRegex(@"网上|线上|手机上|小程序|在你这|你这里|\b((in|on|through|via|using|with|from) (the |this |an? |my |your )?(\w+ )?app|online|(in|through|via) (the|this) chat|with you here)\b", RegexOptions.IgnoreCase)]
    private static partial Regex OnlineCue();

    [GeneratedRegex(@"(是|算)(个)?(啥|什么|哪门子)(?!意思|时候|材料|条件|流程)|(干|做)(啥|什么|嘛)(用)?的|干嘛用|啥用|什么用|(啥|什么)业务|(是|算)(咋|怎么)回事|介绍(一下|下)")]
    private static partial Regex OverviewCue();

    [GeneratedRegex(@"流程|步骤|怎么办|怎么弄|咋办|咋弄|咋整|怎么整|咋操作|怎么操作|怎么申请|怎么报|咋报|找谁报|找谁办|\b(procedure|steps|process|what happens (next|after|then)|what will (they|the( \w+){1,2}) (actually )?do|what (do|should) (i|we) do|where do i (apply|file|go)|which office)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ProcedureCue();
}
