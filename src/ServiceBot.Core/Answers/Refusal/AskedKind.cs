using System.Text.RegularExpressions;

namespace ServiceBot.Answers.Refusal;

/// <summary>
/// Which kind of figure, which payer or whose record a question asks for, and whether a clause states one of that kind.
/// A clause on the question's topic often states some figure, but not the one asked: 2027 is a year, not an income; 15 years
/// of contributions is not a pension's amount; a law on the arbitration committee names no street. The knowledge states
/// rules, so a question about the asker's own account, balance or employer (你能查到我社保交了几年吗) is never answered by it.
/// Signals for the refusal model, not rules.
/// </summary>
public static partial class AskedKind
{
    /// <summary>
    /// True when <paramref name="question"/> asks an amount of money, a rate, a count or a year and <paramref name="clauseText"/>
    /// states no figure of that kind (it may state others: days, years, articles).
    /// </summary>
    public static bool FigureOfKindUnstated(string question, string clauseText)
        => (MoneyAsked().IsMatch(question) && !MoneyStated().IsMatch(clauseText))
           || (RateAsked().IsMatch(question) && !RateStated().IsMatch(clauseText))
           || (CountAsked().IsMatch(question) && !CountStated().IsMatch(clauseText))
           || (YearAsked().IsMatch(question) && !YearStated().IsMatch(clauseText));

    /// <summary>
    /// The figure or the payer <paramref name="question"/> asks for is not in <paramref name="clauseText"/>: a clause that words
    /// the question's topic closely (快递丢件 in 快递丢件了快递员要赔多少) still does not answer it, whatever another cited clause states.
    /// </summary>
    public static bool Unstated(string question, string clauseText) => FigureOfKindUnstated(question, clauseText) || PayerUnstated(question, clauseText);

    /// <summary>True when <paramref name="question"/> asks who pays, funds or builds something and <paramref name="clauseText"/> names no payer.</summary>
    public static bool PayerUnstated(string question, string clauseText) => PayerAsked().IsMatch(question) && !PayerStated().IsMatch(clauseText);

    /// <summary>
    /// True when <paramref name="question"/> asks the assistant to look up the asker's own record (my contributions, my fund
    /// balance, my attendance, what my employer owes me). An application's progress is the one record it does look up.
    /// </summary>
    public static bool AsksPersonalRecord(string question)
        => LookUp().IsMatch(question) && OwnRecord().IsMatch(question) && !TicketLookUp().IsMatch(question);

    /// <summary>
    /// An amount of money or a benefit: 能领多少, 能提多少, 赔多少, 能报多少, 多少钱, 收入能到多少, 保额; not 给多少天, a duration, nor 没多少钱, how little. Rent is
    /// asked only as a price ("what the rent costs"): "withdraw my fund for our rent" names what the money is for.
    /// </summary>
    [GeneratedRegex(@"(?<!没|没有|不了)(多少钱|多少万)|(领|拿|提|取|赔|报|报销|挣|赚|交|缴|收|给|补|罚|扣)多少(?!天|年|日|周|次|岁|倍|个?月|个?小时|个?工作日|个?星期)|工资[^，。？?]{0,3}多少|收入[^，。？?]{0,6}多少|多少工资|保额|坑位费|过路费|(?i:\bhow much\b|\bminimum (registered )?capital\b|\brent (is|costs?|price)\b|\b(price|cost) of (the |a )?rent\b)")]
    private static partial Regex MoneyAsked();

    /// <summary>A sum, a multiple, a share, months of wages, a standard the amount is set by (不得低于最低工资标准), or that nothing is charged.</summary>
    [GeneratedRegex(@"\d\s*(元|块|万元|万)|[一二两三四五六七八九十百千万]+(元|块)|%|％|[百千万]分之|(低于|高于|不超过|超过)[^，。；]{0,16}标准|按照?[^，。；]{0,24}(标准|计发|计付)|标准为|[一二两三四五六七八九十\d]+\s*倍|[一二三四五六七八九十\d]\s*成|个月(的)?(本人)?工资|月工资|不收费|免费|不收取|不缴纳|不缴费|(?i:\d[\d,.]*\s*(yuan|rmb|usd)\b|\b(rmb|usd)\s*\d|free of charge|\bno fee)")]
    private static partial Regex MoneyStated();

    [GeneratedRegex(@"几成|百分之几|百分之多少|比例|费率|覆盖率|参保率|成功率|利率|(?i:what percentage|\binterest rate\b)")]
    private static partial Regex RateAsked();

    [GeneratedRegex(@"%|％|百分之|[一二三四五六七八九十\d]\s*成")]
    private static partial Regex RateStated();

    /// <summary>How many people, places, orders or things: not 多少个工作日 or 多少个月, which are durations, nor how many documents, which a list answers.</summary>
    [GeneratedRegex(@"多少个(?!工作日|月|小时|钟头|星期|礼拜)|多少(家|人|单|名|张|种|次|骑手|司机|快递员|外卖员|配送员|主播|劳动者|从业者|会员|企业|商户|商家|平台|驿站|站点|服务站|党员|城市|国家|外商)|几(个人|张|家|单|名|种)|(?i:\bhow many\s+(?:[\w-]+\s+){0,2}(people|persons|merchants|businesses|companies|riders|drivers|couriers|workers|stations|entities|members|staff|employees|calls|orders|beds)\b)")]
    private static partial Regex CountAsked();

    [GeneratedRegex(@"\d[\d,，.]*\s*(万|千|百|亿)?\s*(个|家|人|名|单|张|种|户|位|座|余|多)(?!月|工作日|小时)|[一二两三四五六七八九十百千万亿]+(家|人|名|单|张|种|户|位|座)|(?i:\d[\d,]*\+?\s+(?:[\w-]+\s+){0,2}(people|merchants|businesses|riders|entities|stations|workers|countries))")]
    private static partial Regex CountStated();

    [GeneratedRegex(@"哪一年|哪年|(?i:\b(which|what) year\b|\bwhen was\b)")]
    private static partial Regex YearAsked();

    [GeneratedRegex(@"\d{4}\s*年|[〇零一二三四五六七八九]{4}年|(?<!\d)(19|20)\d{2}(?!\d)")]
    private static partial Regex YearStated();

    /// <summary>Who pays, funds, builds or compensates: 谁出钱, 谁掏的, 哪个单位出钱盖的, 平台掏还是财政掏, not 谁发的 (who issued a text) nor 拿不出钱.</summary>
    [GeneratedRegex(@"谁(来)?(出钱|掏钱|掏|出|交|缴|付|买单|承担|负担|赔|拨|建|盖|买)|哪个(单位|部门|机构)[^，。？?]{0,3}(出钱|出|掏|付|拨|建|盖)|(?<![不没])出钱|掏的|出资|(掏|出钱|买单|承担|负担)还是|还是[^，。？?]{0,8}(掏钱?|出钱|买单)|从[^，。？?]{0,8}(出|掏|列支)还是|(?i:\bwho (pays|will pay|covers|funds)\b)")]
    private static partial Regex PayerAsked();

    /// <summary>A payer named with what it pays, or that the user pays nothing.</summary>
    [GeneratedRegex(@"由[^，。；]{1,20}(缴纳|支付|承担|负担|出资|缴费|拨缴|发放|垫付|列支)|(单位|企业|平台|雇主|个人|职工|本人|政府|财政|基金)[^，。；]{0,8}(缴纳|支付|承担|负担|出资|缴费|拨缴|垫付)|不缴纳|不缴费|不收费|免费|不收取|(?i:\bpaid by\b|\bfunded by\b|free of charge)")]
    private static partial Regex PayerStated();

    [GeneratedRegex(@"查到|查得到|查一下|查查|帮我查|调出来|调出|帮我看看|能看到")]
    private static partial Regex LookUp();

    [GeneratedRegex(@"(我|俺)(的|们)?(社保|公积金|账户|余额|工资|考勤|记录|缴费|档案|合同|个税|老板|公司)|欠我|交了几年|缴了几年")]
    private static partial Regex OwnRecord();

    [GeneratedRegex(@"办件|进度|编号|驿站|服务站")]
    private static partial Regex TicketLookUp();
}
