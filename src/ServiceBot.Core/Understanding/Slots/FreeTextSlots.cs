using System.Text.RegularExpressions;

namespace ServiceBot.Understanding.Slots;

/// <summary>
/// Slots whose value is the user's own words (地点, 伤情, 用人单位, 诉求). When the bot has just asked for
/// one, the reply is the value minus fillers; otherwise cue words and clause boundaries pick them out of a
/// sentence: 在…门口 for a place, the clause around 骨折/扭了 for an injury, 给…干活 or …欠我工资 for an employer.
/// Spoken text has no punctuation, so a pause (a space) is the clause boundary.
/// </summary>
public static partial class FreeTextSlots
{
    /// <summary>Shorter clauses are not taken as a place on their own (十八路 is a bus line as often as a road).</summary>
    private const int MinimumPlaceClauseLength = 4;

    /// <summary>Words before an injury within its clause, beyond which the clause is a story rather than the injury.</summary>
    private const int MaxInjuryLead = 8;

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

    /// <summary>
    /// A place after 在 (在万达广场北门那块 → 万达广场北门), or else a clause that is a place by itself
    /// (中华大街跟人民路路口东边, 俺是南营村的 → 南营村).
    /// </summary>
    public static (string Value, int Start, int Length)? FindPlace(string text)
    {
        if (Find(PlaceCue().Match(text), "place") is { } cued) return cued;
        foreach (var (start, length) in Clauses(text))
        {
            var match = PlaceClause().Match(text, start, length);
            if (match.Success && match.Groups["place"].Length >= MinimumPlaceClauseLength)
                return (match.Groups["place"].Value, match.Groups["place"].Index, match.Groups["place"].Length);
        }
        return null;
    }

    /// <summary>
    /// The injury with the words that qualify it in its own clause (左手两根手指头骨折, 头上缝了五针), without what
    /// led up to it (医院说是颈椎扭伤 → 颈椎扭伤).
    /// </summary>
    public static (string Value, int Start, int Length)? FindInjury(string text)
    {
        var injury = InjuryWord().Match(text);
        if (!injury.Success) return Find(InjuryCue().Match(text), "injury");
        var clauseStart = ClauseStart(text, injury.Index);
        var lead = text[clauseStart..injury.Index];
        var cut = InjuryLead().Matches(lead).LastOrDefault();
        var start = cut is null ? clauseStart : clauseStart + cut.Index + cut.Length;
        start = SkipFillers(text, start, injury.Index);
        if (injury.Index - start > MaxInjuryLead)
        {
            if (Find(InjuryCue().Match(text, clauseStart), "injury") is { } named) return named;
            start = injury.Index - MaxInjuryLead;
        }
        var end = injury.Index + injury.Length;
        return (text[start..end], start, end - start);
    }

    /// <summary>
    /// The employer as the caller named it: a work frame (在李师傅的装修队干活, 给张建国干活), a debtor (鑫源物业欠我工资),
    /// an owner (是腾飞建设的项目) or a name with an organisation's ending. A named employer beats a vague one (一个工地).
    /// </summary>
    public static (string Value, int Start, int Length)? FindEmployer(string text)
    {
        var found = new List<(string Value, int Start, int Length, bool Vague)>();
        foreach (var frame in new[] { WorkFrame(), DebtorFrame(), OwnerFrame(), OrganisationClause(), EmployerCue(), BossName() })
            foreach (Match match in frame.Matches(text))
                if (CleanEmployer(text, match.Groups["employer"]) is { } employer) found.Add(employer);
        if (found.Count == 0) return null;
        var best = found.OrderBy(e => e.Vague).ThenBy(e => e.Start).First();
        return (best.Value, best.Start, best.Length);
    }

    /// <summary>
    /// The problem a message that opens an appeal already tells (打12345反映工地半夜施工太吵 → 工地半夜施工太吵; 小区门口路灯坏了好几天了，
    /// 我要打12345反映一下 → 小区门口路灯坏了好几天了): its clauses without the request itself. Null when nothing is left but the request
    /// (我要登记12345诉求), so the form asks for it.
    /// </summary>
    public static string? FindOpeningDescription(string text)
    {
        var told = Clauses(text)
            .Select(c => AppealRequest().Replace(text.Substring(c.Start, c.Length), "").Trim(' ', '，', ',', '。', '.', '!', '！', '~'))
            .Where(c => c.Count(Text.TextNormalizer.IsCjk) >= MinDescriptionCharacters)
            .ToList();
        return told.Count == 0 ? null : string.Join("，", told);
    }

    /// <summary>A told problem has at least this many Chinese characters (噪音扰民); an English request is asked for it.</summary>
    private const int MinDescriptionCharacters = 4;

    /// <summary>The words that open a clause asking to register an appeal rather than telling the problem.</summary>
    [GeneratedRegex(@"^(我|俺)?(要|想|得|准备)?(去)?(打|拨打|拨|向|跟|给|找)?(个)?(12345|市长热线)?(热线|电话)?(去|来)?(反映|投诉|登记|举报|申诉)?(一下|下)?(个|一个)?(12345)?(的)?(问题|诉求|情况|事儿?)?(一下|下)?")]
    private static partial Regex AppealRequest();

    /// <summary>The pause-delimited clauses of a line, as start and length.</summary>
    public static IEnumerable<(int Start, int Length)> Clauses(string text)
    {
        foreach (Match clause in Clause().Matches(text)) yield return (clause.Index, clause.Length);
    }

    private static (string Value, int Start, int Length, bool Vague)? CleanEmployer(string text, Group group)
    {
        var start = group.Index;
        var end = group.Index + group.Length;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        if (end - start < 2) return null;
        // Across pauses only the last part names the employer: 美食城里面 那个川味小厨.
        var pause = text.LastIndexOf(' ', end - 1, end - start);
        if (pause >= start) start = pause + 1;
        var vague = false;
        var determiner = Determiner().Match(text, start, end - start);
        if (determiner.Success && determiner.Index + determiner.Length < end)
        {
            // 一家火锅店 says what kind of place, not which one.
            vague = determiner.Groups["indefinite"].Success;
            start = determiner.Index + determiner.Length;
        }
        // 一家叫做顺达物流的公司: the name follows, so it is not vague after all.
        if (Namer().Match(text, start, end - start) is { Success: true } namer)
        {
            start += namer.Length;
            vague = false;
        }
        if (Possessor().Match(text, start, end - start) is { Success: true, Length: > 0 } possessor && possessor.Length < end - start) start += possessor.Length;
        var value = text[start..end];
        var tail = EmployerTail().Match(value);
        if (tail.Success) value = value[..tail.Index];
        value = StripFillers(value);
        start = text.IndexOf(value, start, StringComparison.Ordinal);
        if (value.Length < 2 || start < 0 || GenericEmployer().IsMatch(value)) return null;
        return (value, start, value.Length, vague || VagueEmployer().IsMatch(value) || PronounOwned().IsMatch(value));
    }

    private static int ClauseStart(string text, int index)
    {
        var start = index;
        while (start > 0 && !IsPause(text[start - 1])) start--;
        return start;
    }

    private static int SkipFillers(string text, int start, int limit)
    {
        var lead = text[start..limit];
        var stripped = StripFillers(lead + "\u0001");
        return limit - (stripped.Length - 1);
    }

    private static bool IsPause(char c) => char.IsWhiteSpace(c) || c is '，' or ',' or '。' or '！' or '？' or '!' or '?' or '；' or ';';

    private static (string Value, int Start, int Length)? Find(Match match, string group)
        => match.Success ? (match.Groups[group].Value, match.Groups[group].Index, match.Groups[group].Length) : null;

    [GeneratedRegex(@"^(?:嗯+|呃|那个|就是|是在|是|在|我在|我的|我(?![们家])|俺(?![们家])|地点是|地址是|位置是|地点在|地址在|位置在|大概|应该是|好的)[，,\s]*")]
    private static partial Regex LeadingFiller();

    [GeneratedRegex(@"[^\s，,。！？!?；;]+")]
    private static partial Regex Clause();

    // The first landmark ends the place, unless another follows at once (光明路公交站, 东风小学门口), a second street
    // makes a crossing (人民路和中华大街交叉口), a number names the building (幸福小区三号楼) or a side or exit
    // narrows it down (万达广场北门, 医院急诊楼后门, 地铁站B口, 路口东边).
    [GeneratedRegex(@"(?:在|(?:地址|位置|地点)是)(?<place>[^，,。！？!?\s在]{1,20}?(?:路口|十字路口|交叉口|路|街|大道|小区|广场|商场|市场|门口|附近|站|大厦|医院|学校|村|镇|公园|桥|店|馆|院|中心|场|出口|入口|收费站|高速|车库|仓库|库|园区|物流园|管委会|码头)(?:[和与跟同][^，,。！？!?\s在]{1,10}?(?:大街|大道|路|街)(?:的?(?:交叉口|十字路口|路口))?)?(?:[^，,。！？!?\s在]{0,4}?(?:路口|十字路口|交叉口|路|街|大道|小区|广场|商场|市场|门口|附近|站|大厦|医院|学校|村|镇|公园|桥|店|出口|入口|收费站|车库|仓库|库|园区))*(?:[0-9一二三四五六七八九十百]{1,6}(?:号楼|号院|栋|幢|单元|号))*(?:(?:[^，,。！？!?\s在]{1,3}?(?:楼|馆|厅|期|区))?[东南西北前后正侧]{1,2}(?:门|侧|边|角|面|口)|[a-z0-9一二三四五六七八九十]{1,2}号?(?:口|出口|门)|出口|入口|门口|对面|旁边|[东南西北中]段|路段|(?:往|向)[东南西北]{1,2}[0-9一二两三四五六七八九十百几]+米)*)")]
    private static partial Regex PlaceCue();

    // A clause that is a place by itself: it ends on a landmark, a side, an exit or a building number, or a distance
    // from one (路口往南五十米).
    [GeneratedRegex(@"\G(?:就是|是|我住在|我家在|我家住|俺家在|住在|我是|俺是|我们是|俺们是)?(?<place>(?:(?![不没让被把给要想说了吗呢吧是])[^\s]){1,24}?(?:路口|交叉口|大街|大道|路|街|小区|广场|商场|市场|门口|站|大厦|医院|学校|村|镇|区|公园|桥|出口|入口|收费站|车库|园区|管委会|[0-9一二三四五六七八九十百]+(?:号楼|号院|单元|栋|号)|[东南西北]{1,2}(?:门|侧|边|角|口)|[a-z0-9]口|[东南西北中]段|路段)(?:(?:往|向)[东南西北]{1,2}[0-9一二两三四五六七八九十百几]+米)?)(?:的|那儿|那块|那边|这边|这儿|附近)?(?=$|\s|[，,。！？!?；;])")]
    private static partial Regex PlaceClause();

    // The injury itself: a wound word, or a verb of harm with its result (磕掉了两颗, 缝了五针, 扭了).
    [GeneratedRegex(@"(?:软组织挫伤|脑震荡|骨折|骨裂|摔伤|擦伤|扭伤|拉伤|挫伤|划伤|割伤|烫伤|烧伤|撞伤|咬伤|砸伤|压伤|夹伤|脱臼|缝了[0-9一二两三四五六七八九十几]+针|(?:摔|撞|砸|压|磕|夹|扭|崴|碰|划|摔得|撞得)(?:断|破|伤|掉|肿|裂|骨折)了?(?:[0-9一二两三四五六七八九十几]+(?:颗|根|处|块|个))?|(?:扭|崴)了)(?:了)?")]
    private static partial Regex InjuryWord();

    // What comes before the injury but is not part of it: who said so, and how it happened.
    [GeneratedRegex(@"说是|诊断是|诊断为|检查是|结果是|伤到了|伤到|伤了|把我的|把我|把|被|让|给|导致|造成|结果")]
    private static partial Regex InjuryLead();

    [GeneratedRegex(@"(?<injury>(?:左|右)?(?:小腿|大腿|胳膊|手臂|手腕|手掌|手指|脚踝|脚趾|膝盖|头部|腰部|腰椎|颈椎|脊椎|锁骨|肋骨|盆骨|尾骨|鼻梁|额头|下巴|牙齿|脖子|肩膀|腿|手|脚|头|腰|背|脸|眼睛)(?:部)?(?:摔|撞|砸|压|扭|划|擦|磕|碰)?(?:骨折|骨裂|摔伤|擦伤|扭伤|拉伤|挫伤|划伤|割伤|烫伤|烧伤|撞伤|咬伤|脱臼|受伤|摔断|断|裂|破|肿|流血|出血)了?|骨折|骨裂|脑震荡|软组织挫伤|擦伤|扭伤)")]
    private static partial Regex InjuryCue();

    // 在/给 … 上班: the employer sits between the preposition and the work verb, pauses and all.
    [GeneratedRegex(@"(?:在|给|替|帮|跟着)(?<employer>[^在给]{2,30}?)(?:这儿|那儿|这边|那边|那里|这里|里面|里|上)?(?:上班|上的班|工作|干活|干了|干过|打工|打过工|做事|做工|(?:做|当)(?=[^\s]{0,3}(?:员|工|师|手))|开车|送货|搬砖)")]
    private static partial Regex WorkFrame();

    // … 欠我工资: the employer opens the clause that says it owes.
    [GeneratedRegex(@"(?:^|\s)(?<employer>(?:(?!工资|工钱|薪|钱|月|我|俺)[^\s]){2,16}?)(?:欠我|欠了我|欠俺|拖欠|拖了我|拖着我)")]
    private static partial Regex DebtorFrame();

    // 是腾飞建设的项目: the owner of the site or job.
    [GeneratedRegex(@"(?:是|归|属于)(?<employer>[^\s是]{2,12}?)的(?:项目|工地|工程|活儿?)")]
    private static partial Regex OwnerFrame();

    // The name runs on to the company's full ending when it has one: 天成装饰工程有限公司, not 天成装饰.
    [GeneratedRegex(@"(?:在|是|给|替|帮|被|对|投诉|告|叫|叫做|我们|我们单位)(?<employer>[\u4e00-\u9fffA-Za-z0-9（）()]{2,20}?(?:有限责任公司|有限公司|公司|集团|工厂|厂|工地|项目部|施工队|装修队|装饰|餐厅|饭店|饭馆|餐馆|酒店|超市|门店|商行|网点|分店|车间|作坊|店|工作室|物流|物业|劳务|建设|商贸|贸易|科技|汽配|家政|驾校|菜馆|面馆|宾馆|诊所|药店|幼儿园|培训学校)(?:[\u4e00-\u9fffA-Za-z0-9]{0,10}(?:有限责任公司|有限公司|公司|集团))?)")]
    private static partial Regex EmployerCue();

    // A clause that is an organisation's name by itself: 老板欠我们工钱 鑫隆建筑劳务有限公司 从八月到十月.
    [GeneratedRegex(@"(?:^|\s)(?<employer>(?:(?![是在给])[\u4e00-\u9fffA-Za-z0-9（）()]){2,24}?(?:有限责任公司|有限公司|公司|集团|工厂|厂|物业|劳务))(?=$|\s)")]
    private static partial Regex OrganisationClause();

    // 他们明远装饰 → 明远装饰; 我们公司 stays whole and is generic.
    [GeneratedRegex(@"\G(?:投诉|举报|告)?(?:(?:他们|她们|我们|俺们|咱们)的?)?(?=[^\s]{2})(?!的?(?:公司|单位|厂|店|老板)$)")]
    private static partial Regex Possessor();

    // 老板叫赵建军: the boss, named, is who the caller worked for.
    [GeneratedRegex(@"(?:老板|老总|包工头|工头|负责人)(?:叫做|叫|是)(?<employer>[\u4e00-\u9fff]{2,4}?)(?=$|\s|[,，。])")]
    private static partial Regex BossName();

    // 他的施工队 says whose without naming him.
    [GeneratedRegex(@"^(?:他|她|它)(?:们)?的")]
    private static partial Regex PronounOwned();

    [GeneratedRegex(@"\G(?:名字叫做|名字叫|叫做|名叫|叫)")]
    private static partial Regex Namer();

    // A determiner before the name: 老街口那家胖哥烧烤 → 胖哥烧烤.
    [GeneratedRegex(@"\G.*(?:那家|这家|那个|这个|(?<indefinite>一家|一个))")]
    private static partial Regex Determiner();

    [GeneratedRegex(@"(?:这儿|那儿|这边|那边|那里|这里|里面|里|上)$")]
    private static partial Regex EmployerTail();

    // Words that stand for an employer without naming one.
    [GeneratedRegex(@"^(?:我们?|俺们?|他们?|她们?|你们|咱们)?的?(?:老板|老总|包工头|工头|公司|单位|厂|厂里|店|店里|工地|这儿|那儿|家里?|外面|外地|这|那)?$")]
    private static partial Regex GenericEmployer();

    [GeneratedRegex(@"^(?:工地|厂|店|公司|饭店|超市|餐馆|饭馆|火锅店|工厂)$")]
    private static partial Regex VagueEmployer();
}
