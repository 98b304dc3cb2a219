using System.Text.RegularExpressions;
using ServiceBot.Answers;
using ServiceBot.Text;

namespace ServiceBot.Conversation;

/// <summary>
/// Whether a message the classifier files under a task asks <i>about</i> the task rather than asking to do it. Such a
/// message is answered from the task's guide and the task is offered, because a form opened for a question makes the
/// user start something they only asked about. In order:
/// <list type="number">
/// <item>it asks for a guide section (材料, 多久, 收费, 能不能): a question, even after 我要 (but 怎么办 and 网上 also go with requests);</item>
/// <item>it asks to do it (我要, 我想, 帮我 — but not 我想问, nor 我想直接过去当面投诉 or 我想直接找他反映 going oneself, nor 朋友可以帮我办吗 asking whether someone else may, nor an
/// example after 比如): a request;</item>
/// <item>it says the user has done it already (我投诉了, 前天打12345反映…, 拿到个编号, 交上去了, 反映的问题处理完了, I filed a complaint): not a request, so the next question
/// about it (那啥时候能拿到钱) is asked outside a form;</item>
/// <item>it is worded as a question (吗, 好交伐, 开门不, 掏钱不咧, 需不需要, 转出地还是转入地, 啥, 怎么, 咋, 哪, 找谁 …): a question;</item>
/// <item>anything else (社保转移, 查询办件进度, 我被拖欠工资了): a request.</item>
/// </list>
/// English reads the same way: "I want to …", "help me …" ask to do it; "can I …", "what …", "how long …" ask about it, and so
/// does a question word before an auxiliary anywhere ("my ticket says in progress, what does that mean").
/// </summary>
public static partial class TaskQuestionCue
{
    /// <summary>Whether the message says the user has done the task already (我投诉了, 交上去了, 拿到个编号, I filed a complaint).</summary>
    public static bool SaysDoneAlready(string text) => AlreadyDone().IsMatch(text);

    /// <summary>Whether the message asks to do something (我要, 我想, 帮我, 麻烦你, I want to …), an example after 比如 aside.</summary>
    public static bool AsksToDoIt(string text) => Request().IsMatch(Example().Replace(text, ""));

    public static bool AsksAbout(string text)
    {
        if (TaskGuideSections.AskedFor(text) is { } section && section is not (TaskGuideSections.Procedure or TaskGuideSections.Online or TaskGuideSections.Overview)) return true;
        if (AsksAfterSayingWhatItWants(text)) return true;
        if (AsksToDoIt(text)) return false;
        return AlreadyDone().IsMatch(text) || Question().IsMatch(text);
    }

    /// <summary>
    /// A wish told first and a question of its own after it (我想找电视台曝光，这样合法吗; 我想注册的公司名跟人家的一样，这样能批下来不):
    /// the message asks the last clause. A last clause that only asks leave (行吗, 可以不) or the way to do it (怎么弄, 网上能办不)
    /// goes with the wish, which stays a request.
    /// </summary>
    private static bool AsksAfterSayingWhatItWants(string text)
    {
        // Chinese typed on a phone breaks clauses with spaces; English words are spaced, so only punctuation ends its clauses.
        var breaks = text.Any(TextNormalizer.IsCjk) ? ClauseBreak() : EnglishClauseBreak();
        var clauses = breaks.Split(Example().Replace(text, "")).Select(c => c.Trim()).Where(c => c.Length > 0).ToList();
        if (clauses.Count < 2) return false;
        var last = clauses[^1];
        if (Request().IsMatch(last) || !Question().IsMatch(last) || LeaveAsked().IsMatch(last)) return false;
        if (TaskGuideSections.AskedFor(last) is TaskGuideSections.Procedure or TaskGuideSections.Online or TaskGuideSections.Overview) return false;
        return Request().IsMatch(string.Join("，", clauses.SkipLast(1)));
    }

    [GeneratedRegex(@"[，,。；;！!？?\s]+")]
    private static partial Regex ClauseBreak();

    [GeneratedRegex(@"[，,。；;！!？?]+|\.(?!\d)")]
    private static partial Regex EnglishClauseBreak();

    /// <summary>
    /// Whether <paramref name="rest"/>, what a message holds besides a value it offers, only asks whether that will do (这个可以吗,
    /// 行不, "is that ok?"); nothing at all counts too.
    /// </summary>
    public static bool AsksOnlyLeave(string rest)
    {
        var clause = rest.Trim(LeavePunctuation);
        if (clause.StartsWith("这个", StringComparison.Ordinal)) clause = clause[2..];
        return clause.Length == 0 || LeaveAsked().IsMatch(clause.Trim(LeavePunctuation));
    }

    private static readonly char[] LeavePunctuation = [' ', '\t', '，', ',', '。', '.', '!', '！', '?', '？', ':', '：'];

    /// <summary>A last clause that asks nothing but leave: 行吗, 可以不, 好不好, is that ok.</summary>
    [GeneratedRegex(@"^(那|这样|这么着)?(行|可以|好|中|成|得|ok|OK)(吗|不|不行|不好|不中|不成|不可以|么|没|呗|啵|伐)?[呀啊哈嘛吧]?$|^(行不行|可不可以|好不好|中不中|成不成|能不能行)$|^((is|would) (that|this|it) (ok|okay|alright|possible|fine|good)|ok|okay)$", RegexOptions.IgnoreCase)]
    private static partial Regex LeaveAsked();

    /// <summary>Whether the message is worded as a question, in phone wording too (几天能到账, 要他身份证不, 啥, 咋, How long …).</summary>
    public static bool IsWordedAsQuestion(string text) => Question().IsMatch(text);

    // 我要 after 问/找/跟/向 is what someone asks of the user (你都会问我要哪几样), not the user asking to do it; after 帮/替 it is
    // part of 帮我要 (残联能帮我要吗), which the 帮我 rule reads. 我要是 is "if I" (我要是说没解决，他们会咋弄), no request.
    // 帮我 after someone else who may do it (朋友可以帮我办公司吗, 工会能帮我们要工资吗) asks whether they may, not the
    // assistant to do it; so does 帮我老公查 (acting for another person is a question, never a request); 会给我 is what
    // happens later, not 给我查; 公司到底给我交没交 and 给我交上了 say what the employer does, not a request of the assistant.
    [GeneratedRegex(@"((?<![问找跟向管帮替])我要(?!是)|我想|我得|(?<!(朋友|别人|家人|家里人|亲戚|老乡|同事|工友|老婆|老公|媳妇|爱人|儿子|女儿|闺女|孩子|代理人|中介|他|她|工会|单位|公司|平台|老板|站点|律师|政府|街道|社区|居委会|村委会|村里|残联|妇联|民政|派出所|警察|法援|法律援助|人社局|劳动局|社保局|公积金中心|法院|仲裁委|仲裁院|监察大队|劳动监察|热线|12345)(可以|能|能不能|可不可以|会)?)(帮我|替我)(?!们?(老公|老婆|媳妇|爱人|家里|家人|爸|妈|父母|孩子|儿子|女儿|闺女|朋友|同事|工友|亲戚))|(?<!会|能|可以|才|(公司|单位|老板|平台|站点|站长|雇主|他们|他|她|人家)\p{IsCJKUnifiedIdeographs}{0,3}|[打转还退寄送赔])给我(?![们交缴发扣上买付补赔])|麻烦你|请帮)(?!问|知道|了解|咨询|打听|搞清楚|弄清楚|(直接|亲自|自己)?(过去|上门|当面|跑一趟|跑过去|去现场|亲自)|直接找(他|她|本人|领导|负责人|部长|局长|站长|老板))|^\s*(i want to|i'd like to|i would like to|i need to|help me|please)\b(?!\s+(know|ask|find out))", RegexOptions.IgnoreCase)]
    private static partial Regex Request();

    /// <summary>An example the user gives (比如帮我老婆查) illustrates the question before it; it asks nothing itself.</summary>
    [GeneratedRegex(@"(比如|例如|譬如|比方说).*$")]
    private static partial Regex Example();

    [GeneratedRegex(@"(已经|早就|之前|上次|前几天|前天|昨天|上周|上礼拜|上星期|上个月|刚才|刚刚)(投诉|申报|报了|提交|反映|登记|申请|打了?12345|打过12345)|(投诉|申报|提交|反映|登记|申请)[过了]|我(已经)?报[过了]|(在这|在这儿|在你这)报了|^\s*(打|拨)[了过]12345|拿到了?(个|一个)?(办件)?编号|(给|发)了?我?(个|一个)(办件)?编号|(交|递|报)上去了|(反映|投诉|申请|申报|提交|登记|举报)的[^，,。；;？?!！]{0,8}(处理完|处理好|处理了|办完|办好|办结|回复|答复|回访|有结果|有回音|没结果|没回音|没动静|解决了|没解决|没处理|受理了|没受理)|在这(儿)?(提|办|转|报)了|(?i:\b(i|we) (have |had |already |just )*(reported|filed|complained|submitted|applied|lodged)\b)")]
    private static partial Regex AlreadyDone();

    [GeneratedRegex(@"[吗呢嘛么不没伐][咧嘞哇哦啊呀]?[?？。!！\s]*$|(\p{IsCJKUnifiedIdeographs})[不没]\1|还是|好久|[吗呢不没][\s，,]|[?？]|啥|什么|怎么|咋|哪|谁|多久|多少|几|是否|能不能|可不可以|能否|有没有|算不算|要不要|是不是|会不会|行不行|中不中|来得及|区别|不一样|真的假的|真有这|有这回事|有这事|假的吧|^\s*(can|could|do|does|is|are|am|what|which|when|who|how long|how much|how many)\b|\bhow (long|much|many|soon|fast|quickly|often)\b|\b(what|which|when|where|who|why|how)\s+(does|do|did|is|are|was|were|can|could|should|will|would|must)\b|\bwhat (that|this|it) means?\b|\b(what|which)\s+([\w'-]+\s+){1,4}(do|does|did|should|must|can|will|would)\s+(i|we|you|he|she|they)\s+(need|have|bring|prepare|submit|show|get|fill)\b|\bwhich\s+([\w'-]+\s+){1,4}(is|are)\s+(the|that|this|it)\b|\bwhat (kind|type|sort) of\b|[,.;!?]\s*(do|does|did|can|could|is|are|will|would|should|must)\s+(i|you|we|they|he|she|it|those|these|this|that|my|your|his|her|our|their|the|there|any|anyone|anybody|anything|some|someone|somebody)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Question();
}
