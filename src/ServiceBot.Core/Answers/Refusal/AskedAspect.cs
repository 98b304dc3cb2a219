using System.Text.RegularExpressions;

namespace ServiceBot.Answers.Refusal;

/// <summary>
/// What kind of fact a question asks for beyond a figure (<see cref="SpecificAsk"/>): opening hours (周六上班不, 几点开门), the
/// date a policy starts or spreads (啥时候推广到全国), a street address (在哪栋楼几楼), a person (站长叫啥, 哪个处长), how to
/// replace a lost card (社保卡丢了咋补), or a
/// judgement no clause makes (仲裁能赢吗, 哪个平台更好, 会涨吗, 赔两千合理吗, 该不该去找她). The knowledge states rules, time limits and who to turn to,
/// not a named office's hours or address, a person, a future date or the verdict on one's own case: a clause that shares
/// the question's topic but states nothing of the kind asked does not answer it. Signals for the refusal model, not rules.
/// </summary>
public static partial class AskedAspect
{
    /// <summary>
    /// True when <paramref name="question"/> asks for hours, a start date, an address, a person, a lost card's replacement or
    /// service in another language (an interpreter, 12345 in Arabic) or a counter's queue (要不要先取号) and
    /// <paramref name="clauseText"/> states nothing of that kind.
    /// </summary>
    public static bool IsUnstated(string question, string clauseText)
        => (HoursAsked().IsMatch(question) && !HoursStated().IsMatch(clauseText))
           || (DateAsked().IsMatch(question) && !DateStated().IsMatch(clauseText))
           || (AddressAsked().IsMatch(question) && !AddressStated().IsMatch(clauseText))
           || (PersonAsked().IsMatch(question) && !PersonStated().IsMatch(clauseText))
           || (ReplacementAsked().IsMatch(question) && !ReplacementStated().IsMatch(clauseText))
           || (LanguageAsked().IsMatch(question) && !LanguageStated().IsMatch(clauseText))
           || (QueueAsked().IsMatch(question) && !QueueStated().IsMatch(clauseText))
           || (ChangeAsked().IsMatch(question) && !ChangeStated().IsMatch(clauseText))
           || (ContactAsked().IsMatch(question) && !ContactStated().IsMatch(clauseText))
           || AmenityUnstated(question, clauseText)
           || ObtainedThingUnstated(question, clauseText);

    /// <summary>
    /// An English question whether a place has a thing (do the stations have a shower, does the hotline have an English
    /// speaking operator) the clause never names: a list of what a station offers that names no shower does not say it has
    /// one. Words that ask for a rule, a right or help in general are no thing a list must name; "is there …" asks those far
    /// more often than a thing, and is left to the other signals (with it, two more unseen English questions were refused).
    /// </summary>
    private static bool AmenityUnstated(string question, string clauseText)
    {
        var match = AmenityAsked().Match(question);
        return ThingUnstated(match.Success ? match : AmenityAtPlaceAsked().Match(question), clauseText);
    }

    /// <summary>
    /// An English question how to get, apply for or change a thing (a work permit, a trademark, a bank account) the clause
    /// never names: a guide that says how to register a company says nothing of another office's permit. Things asked in
    /// general (help, money, a form) are left to the other signals.
    /// </summary>
    private static bool ObtainedThingUnstated(string question, string clauseText) => ThingUnstated(ObtainAsked().Match(question), clauseText);

    /// <summary>Whether the thing <paramref name="match"/> captured is a particular one (not <see cref="GeneralThing"/>) the clause never names, plural or not.</summary>
    private static bool ThingUnstated(Match match, string clauseText)
    {
        if (!match.Success) return false;
        var thing = match.Groups["thing"].Value.ToLowerInvariant();
        if (GeneralThing().IsMatch(thing)) return false;
        var stem = thing.EndsWith("es", StringComparison.Ordinal) && thing.Length > 4 ? thing[..^2] : thing.TrimEnd('s');
        return !clauseText.Contains(stem, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>True when <paramref name="question"/> asks for a verdict on a case, a prediction or a choice between firms.</summary>
    public static bool AsksJudgement(string question) => Judgement().IsMatch(question);

    [GeneratedRegex("几点|周[六日末]上班|周[六日末]上不上班|周末上班|礼拜[六天]上班|开门|(啥时候|什么时候|几时)关门|关门时间|营业时间|办公时间|(啥时候|什么时候)[^，。？?]{0,4}(人少|好打|打得通|打通|好办|不排队|不用排队)|(?i:what time|opening hours|office hours|\\bhow late\\b|\\bopen (on|at|during|over|in|until|till) (the )?(weekends?|saturdays?|sundays?|(public )?holidays?|night|evenings?|lunch(time)?|morning|mornings)\\b|\\b(is|are)\\b[^.?!]{1,40}\\bopen\\b[^.?!]{0,20}\\b(saturdays?|sundays?|weekends?|holidays?|at night|evenings?|lunchtime)\\b|\\bwhen (does|do|is|are)\\b[^.?!]{1,40}\\b(open|close)\\b)")]
    private static partial Regex HoursAsked();

    [GeneratedRegex(@"\d{1,2}\s*[:：]\s*\d{2}|\d{1,2}\s*点|[一二三四五六七八九十]+点|24小时|全天|周[一二三四五六日]|(?i:\d{1,2}\s*(a\.?m\.?|p\.?m\.?)(?![a-z])|\baround the clock\b|\b24 hours\b|\b(mon|tues|wednes|thurs|fri|satur|sun)days?\b|\bweekends?\b)")]
    private static partial Regex HoursStated();

    /// <summary>When something starts, spreads or ends: a date, not a time limit (多久 is <see cref="SpecificAsk"/>'s).</summary>
    [GeneratedRegex("(啥时候|什么时候|何时|哪年|哪一年|哪天)[^，。？?！ ]{0,4}(开始|推广|推开|铺开|实施|出台|落地|执行|生效|普及|全国|取消|结束|发放?|报名|举办|举行|开赛|截止)")]
    private static partial Regex DateAsked();

    [GeneratedRegex(@"\d{4}\s*年|[〇零一二三四五六七八九]{4}年|\d{1,2}\s*月\s*\d{1,2}\s*日|起施行")]
    private static partial Regex DateStated();

    [GeneratedRegex("地址|哪条街|哪条路|哪个街道|哪栋楼|几楼|几号楼|门牌|具体位置|在哪个区|哪个医院|哪家医院|哪个窗口|哪个区|(?i:which floor|what floor|\\baddress\\b|\\bwhat street\\b|\\bwhich (bank|hospital|clinic|school|law firm|lawyer|hotel|notary)\\b)")]
    private static partial Regex AddressAsked();

    [GeneratedRegex(@"\d+\s*号|[路街巷]\s*\d|大厦|大楼|广场|[\d一二三四五六七八九十]+楼|地址|(?i:\baddress(es)?\b|\b(road|street|avenue|building)\b)")]
    private static partial Regex AddressStated();

    [GeneratedRegex("(老板|站长|负责人|处长|局长|科长|主任|领导|队长|部长|经理|接线员|工作人员|律师|他|她|那人|这人)[^，。？?]{0,6}(叫啥|叫什么|是谁|姓啥|姓什么)|负责人是谁|哪个(处长|局长|科长|领导|主任)|哪位|站长是谁|老板是谁|(?i:\\bwho is (the|their|your) (head|director|boss|chief|leader|manager|person in charge)\\b|\\b(what('s| is)|give me|tell me) the name of\\b|\\bname of (a|the) (lawyer|person|officer|official|director|boss|head|manager|doctor)\\b|\\bwhat('s| is) (its|the|his|her|their) name\\b|\\bwhat('s| is) (it|that|this|the [\\w -]{1,25}) called\\b)")]
    private static partial Regex PersonAsked();

    [GeneratedRegex(@"先生|女士|同志|(?-i:\b(Mr|Ms|Mrs|Dr)\.?\s+[A-Z])")]
    private static partial Regex PersonStated();

    /// <summary>How to replace a lost card or certificate (社保卡丢了咋补, 身份证补办): a procedure of other offices.</summary>
    [GeneratedRegex(@"补办|补卡|补证|挂失|丢了[^，。？?]{0,4}(咋|怎么|去哪|在哪|能)?补")]
    private static partial Regex ReplacementAsked();

    [GeneratedRegex("补办|挂失|补发|补领|重新申领|重新签发")]
    private static partial Regex ReplacementStated();

    /// <summary>Service in another language: an interpreter, a hotline in English, a complaint in Arabic, 能带个人帮我翻译不.</summary>
    [GeneratedRegex(@"翻译|说英语|讲英语|英语(服务|热线|窗口)|英文(服务|热线|窗口|版)|阿拉伯语|俄语|外语(服务|热线|窗口)|(?i:\binterpret(er|ers|ing)?\b|\btranslat(e|or|ors|ion)\b|\bin (arabic|english|russian|french|spanish|urdu|turkish|korean|persian|hindi|portuguese)\b|\b(english|arabic|russian|french)[- ](speaking|line|service|version|hotline)\b|\bspeak (english|arabic|russian|french)\b)")]
    private static partial Regex LanguageAsked();

    [GeneratedRegex(@"翻译|外语|语言|语种|英语|(?i:\binterpret|\btranslat|\blanguages?\b)")]
    private static partial Regex LanguageStated();

    /// <summary>A counter's queue: taking a number, how long the line is (要不要提前取号, 窗口排队要多久).</summary>
    [GeneratedRegex(@"取号|排号|叫号|排队|排长队|(?i:\bqueue\b|\btake a (queue )?number\b|\bwait(ing)? in line\b)")]
    private static partial Regex QueueAsked();

    [GeneratedRegex(@"取号|排号|叫号|排队|预约|(?i:\bqueue\b|\bappointment\b|\bbook(ing)?\b)")]
    private static partial Regex QueueStated();

    /// <summary>
    /// Whether something already filed can be withdrawn, cancelled or corrected (那个诉求能撤销不, 提交了还能改不, 去哪儿改): a
    /// guide that says how to file says nothing of undoing it unless it says so (说错了可以…更正, 撤回仲裁申请).
    /// </summary>
    [GeneratedRegex(@"(能|可以|咋|怎么|怎样|如何|去哪儿?|还能|能不能)(撤回|撤销|撤|取消|修改|更改|更正|改)|(撤回|撤销|取消|修改|更改|更正|改)(过来|回来)?(不|吗|么)|改成个")]
    private static partial Regex ChangeAsked();

    [GeneratedRegex(@"撤回|撤销|取消|修改|更改|更正|变更|改正|改约|改成|重新(提交|申请|预约|登记|填)")]
    private static partial Regex ChangeStated();

    /// <summary>
    /// A phone number asked for (客服电话是多少, 热线到底是多少号, "what's the phone number of …"): the knowledge names hotlines
    /// like 12345, not a named office's or firm's number.
    /// </summary>
    [GeneratedRegex(@"电话(号码)?(到底)?(是)?多少|热线(电话)?(到底)?(是)?多少|(?i:\b(what('s| is)|whats|give me|tell me|is there|do they have)\b[^.?!]{0,40}\b(phone|contact|telephone|hotline) number\b)")]
    private static partial Regex ContactAsked();

    /// <summary>A number one can dial: a hotline (12345, 12333) or a full phone number.</summary>
    [GeneratedRegex(@"(?<!\d)1\d{4}(?!\d)|\d{3,4}-\d{7,8}|(?<!\d)\d{7,}(?!\d)")]
    private static partial Regex ContactStated();

    /// <summary>
    /// The thing an English "how do I get / apply for / register / change …", "how long to get …" or "what documents … need
    /// for …" question asks about: the first noun after its modifiers.
    /// </summary>
    [GeneratedRegex(@"(?i)\b(?:(?:(?:how|where)\s+(?:do|can|could|should|would|to|does|will)?\s*(?:i|we|he|she|they|you|u|my\s+\w+)?\s*(?:go\s+(?:to|and)\s+|need\s+to\s+|have\s+to\s+)?|how\s+long\s+(?:does\s+it\s+take\s+|will\s+it\s+take\s+|to\s+)?(?:to\s+)?)(?:apply\s+for|get|obtain|register|open|renew|change|convert|extend|sign\s+up\s+for)\s+|what\s+(?:documents|papers|docs)\b[^.?!]{0,30}?\bneed\s+(?:for|to\s+get|to\s+apply\s+for)\s+)(?>(?:(?:a|an|the|my|our|his|her|their|him|me|us|for)\s+)*)(?>(?:(?:new|business|company|foreign|chinese|local|work|residence|driving|food|bank|family|student|personal|tourist)\s+){0,2})(?<thing>[a-z]{3,})\b")]
    private static partial Regex ObtainAsked();

    /// <summary>The thing a "does the station/office/hotline … have" question asks about: the first noun after its adjectives.</summary>
    [GeneratedRegex(@"(?i)\b(?:(?:do|does)\s+(?:the\s+|any\s+|these\s+|those\s+)?(?:[\w-]+\s+){0,3}?(?:stations?|offices?|centres?|centers?|hotline|counters?|places?)\s+(?:have|offer|provide))\s+(?>(?:(?:a|an|any|some|free|the)\s+)?)(?>(?:(?:free|english|english-speaking|speaking|private|quiet|cold|hot|clean|small|big)\s+){0,2})(?<thing>[a-z]{3,})\b(?!\s+(?:to|for|of|about|on|in|against|that|when|if)\b)")]
    private static partial Regex AmenityAsked();

    /// <summary>The thing an "is there a … at the station" question asks about.</summary>
    [GeneratedRegex(@"(?i)\bis\s+there\s+(?>(?:(?:a|an|any|some)\s+)?)(?>(?:(?:free|english|english-speaking|speaking|private|quiet|cold|hot|clean|small|big)\s+){0,2})(?<thing>[a-z]{3,})\s+(?:at|in)\s+(?:the\s+|a\s+|that\s+|this\s+|your\s+)?(?:[\w-]+\s+){0,2}?(?:stations?|offices?|centres?|centers?|counters?)\b")]
    private static partial Regex AmenityAtPlaceAsked();

    /// <summary>Things asked in general, which a clause states in its own words: a rule, a right, help, a fee, a limit, a way.</summary>
    [GeneratedRegex(@"^(rule|law|right|help|support|protection|way|place|time|limit|deadline|fee|charge|cost|money|subsidy|difference|problem|anything|anyone|anybody|something|somebody|someone|one|thing|need|chance|risk|penalty|punishment|fine|standard|requirement|document|paper|form|policy|plan|service|station|office|age|other|more|enough|special|official|specific|new|now|here|any|some|many|much)s?$")]
    private static partial Regex GeneralThing();

    [GeneratedRegex("能赢吗|能不能赢|打得赢|能打赢|赢面|胜算|把握大|要不要(一起|帮他|替他)?还|哪个(平台|公司)?[^，。？?]{0,4}(更好|好些|强|划算|挣得多|赔得多)|划算|值不值|会涨吗|会降吗|会不会(涨|降)|合理吗|合不合理|该不该|是不是脑子|亏不亏")]
    private static partial Regex Judgement();
}
