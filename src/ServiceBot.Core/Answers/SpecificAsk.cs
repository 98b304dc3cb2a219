using System.Text.RegularExpressions;

namespace ServiceBot.Answers;

/// <summary>
/// Questions that ask for a particular figure or contact: a price or amount (几块钱, 平均月收入, 奖金有多少, 报几成), a rate
/// (百分之几, 抽多少), an age, a year or a day of the month (退休年龄是多少岁, 哪一年开始, 截止日是几号), a headcount, a
/// telephone number, a password, which company is better or cheaper, next year's figures (明年最低工资, 今年涨多少), or how
/// many or which places (有几个驿站, 试点有哪些城市). The knowledge states rules, not the prices, rates, numbers or
/// rankings of particular firms and cities, so such a question is answered only by a clause that states one of the kind
/// asked for; a clause that merely shares its topic words ("美团的抽成比例是多少" → 不合理收费抽佣) does not answer it.
/// </summary>
public static partial class SpecificAsk
{
    /// <summary>True when <paramref name="question"/> asks for a specific the clause text does not state.</summary>
    public static bool IsUnanswered(string question, string clauseText)
    {
        if (Money().IsMatch(question)) return !MoneyStated().IsMatch(clauseText);
        if (Rate().IsMatch(question)) return !RateStated().IsMatch(clauseText);
        if (Phone().IsMatch(question)) return !PhoneStated().IsMatch(clauseText);
        if (Age().IsMatch(question)) return !AgeStated().IsMatch(clauseText);
        if (Year().IsMatch(question)) return !YearStated().IsMatch(clauseText);
        if (Day().IsMatch(question)) return !DayStated().IsMatch(clauseText);
        if (Headcount().IsMatch(question) || Amount().IsMatch(question)) return !Digits().IsMatch(clauseText) && !AmountStated().IsMatch(clauseText);
        if (Unstated().IsMatch(question) || Forecast().IsMatch(question)) return true;
        // How many places a clause may state (外资经营主体破1万家); which cities or communities none names.
        return PlaceCount().Match(question) is { Success: true } places && (!places.Value.StartsWith('有') || !CountStated().IsMatch(clauseText));
    }

    /// <summary>
    /// True when <paramref name="question"/> asks for a figure, a date, a contact or a count of places (电话是多少, 一共有多少个,
    /// 补贴多少): what a look-up's list of places never states, so such a question about a look-up is not the look-up itself.
    /// </summary>
    public static bool AsksSpecific(string question)
        => Money().IsMatch(question) || Rate().IsMatch(question) || Phone().IsMatch(question) || Age().IsMatch(question)
           || Year().IsMatch(question) || Day().IsMatch(question) || Headcount().IsMatch(question) || Amount().IsMatch(question)
           || Forecast().IsMatch(question) || PlaceCount().IsMatch(question);

    /// <summary>True when <paramref name="question"/> asks how much, how many, which day or how long: a number or a date answers it.</summary>
    public static bool AsksFigure(string question) => FigureAsked().IsMatch(question);

    /// <summary>True when <paramref name="text"/> states a number, a period or a share.</summary>
    public static bool StatesFigure(string text) => FigureStated().IsMatch(text);

    /// <summary>The question asks which things or what (哪些材料, 要写什么, which documents): a list answers it whole.</summary>
    public static bool AsksWhich(string question) => WhichAsked().IsMatch(question);

    [GeneratedRegex(@"哪些|哪几|什么|啥|(?i:\b(which|what)\b)")]
    private static partial Regex WhichAsked();

    /// <summary>
    /// A 几 after a numeral describes an amount (十几个小时, 好几年) rather than asking for one; after 没 it says how little
    /// (一单到手没几块钱了, 没有几个人), and so does 多少 after 没 or 不了 (没多少活, 挣不了多少). After 才, 就 or 只 a word or
    /// two before, 几 says how little too (一单才落几块钱, 就给几块钱, 只干了几天).
    /// </summary>
    [GeneratedRegex("(?<!没|没有|不了)多少|(?<![一二两三四五六七八九十百千万好没]|没有|[才就只][^，。？?！!\\s]{0,2})几[个天年月号成块岁次件分点级]|哪天|哪一年|哪年|什么时候|啥时候|何时|多久|多长时间|多大")]
    private static partial Regex FigureAsked();

    [GeneratedRegex(@"\d|[一二三四五六七八九十两百千万]+(个月|个工作日|日|天|年|元|倍|成|小时|周)|百分之")]
    private static partial Regex FigureStated();

    [GeneratedRegex(@"(?<!没|没有|不了|[才就只][^，。？?！!\s]{0,2})(多少钱|几块|几毛|几分钱|多少块)|底薪|工资高|配送费是|派费多少|挣多少|能拿到多少|平均.{0,4}(收入|工资)|收入是多少|收入有多少|(?i:how much (does|do|did|will|can|would) .{1,30}\b(pay|earn|make)\b|how much is the (rent|salary|wage|price)|what is the (salary|wage|rent|price) )")]
    private static partial Regex Money();

    /// <summary>A sum, or that nothing is charged: 不收费 answers 要交多少钱.</summary>
    [GeneratedRegex(@"\d\s*(元|块)|[一二三四五六七八九十百千万]+元|不收费|免费|不收取|(?i:\d\s*(yuan|rmb)\b|\b(rmb|cny)\s*\d|¥\s*\d|\bno fee\b|\bfree of charge\b|\bare free\b|\bis free\b)")]
    private static partial Regex MoneyStated();

    [GeneratedRegex("百分之几|百分之多少|比例是|比例多少|抽成比例|抽几成|抽多少|费率")]
    private static partial Regex Rate();

    [GeneratedRegex(@"%|％|百分之[一二三四五六七八九十\d]|[一二三四五六七八九十]成")]
    private static partial Regex RateStated();

    /// <summary>
    /// Asks for a number to call (电话是多少, 打哪个电话, 给个电话, what is the phone number), not a message that only mentions
    /// calling (打电话也没人接, 联系电话能留我媳妇的号不, 天天接骚扰电话).
    /// </summary>
    [GeneratedRegex(@"电话(号码?)?(是|为)?(多少|几号|啥|什么)|(打|拨|找)?(哪个|什么|啥)(电话|号码)|号码是多少|号码多少|联系方式|热线是多少|(要|给|留|发)(我|俺)?(个|一个)?(他们|她|他|你们)?的?(电话|号码)(?!.{0,6}(能|可以|行))|电话[吗呢么没]?[?？]?\s*$|(?i:\b(what('s| is| are) (the|their|his|her|its|your)( [\w']+){0,2} (phone|telephone|contact) numbers?|(phone|telephone|contact) numbers? (of|for)|give me (the|their|a) (phone|telephone|contact) number)\b)")]
    private static partial Regex Phone();

    [GeneratedRegex(@"\d{5,}")]
    private static partial Regex PhoneStated();

    /// <summary>An age: 退休年龄是多少岁, 几岁.</summary>
    [GeneratedRegex("多少岁|几岁|多大年龄|多大退")]
    private static partial Regex Age();

    [GeneratedRegex(@"\d\s*周?岁|[一二三四五六七八九十]+周?岁")]
    private static partial Regex AgeStated();

    /// <summary>A year: 哪一年开始的, in which year.</summary>
    [GeneratedRegex(@"哪一年|哪年|(?i:\b(which|what) year\b)")]
    private static partial Regex Year();

    [GeneratedRegex(@"\d{4}\s*年|[〇零一二三四五六七八九]{4}年|(?<![\d.])(19|20)\d{2}(?!\d|\.\d|[%％元块万千百个人名家])")]
    private static partial Regex YearStated();

    /// <summary>A day of the month: 截止日是几号.</summary>
    [GeneratedRegex("几号|截止日|哪一天")]
    private static partial Regex Day();

    [GeneratedRegex(@"\d\s*(日|号)|[一二三四五六七八九十]+(日|号)")]
    private static partial Regex DayStated();

    /// <summary>How many people: 全国有多少骑手.</summary>
    [GeneratedRegex(@"多少人|多少个?(骑手|司机|快递员|外卖员|主播)|(?i:\bhow many (people|persons|riders|drivers|couriers|workers|streamers|delivery riders)\b)")]
    private static partial Regex Headcount();

    /// <summary>An amount other than a price: 奖金有多少, 押金多少, 补多少, 报几成.</summary>
    [GeneratedRegex("(奖金|押金|补贴|利率|首付|养老金|补|报|罚款?|津贴)[^，。？ ]{0,3}(多少|几成)|多少(押金|奖金|补贴|利息|罚款)")]
    private static partial Regex Amount();

    [GeneratedRegex(@"\d")]
    private static partial Regex Digits();

    /// <summary>An amount or a headcount written in words: 二倍, 一个月工资, 百分之五十, 三成, 二十五人.</summary>
    [GeneratedRegex("[一二两三四五六七八九十百千万]+(元|块|倍|成|个月|人|名)|百分之")]
    private static partial Regex AmountStated();

    /// <summary>
    /// Asks the knowledge never states: passwords, where to buy, which firm is better, and a person's own record the bot is
    /// asked to look up (公司欠我多少你能查到吗, 老板叫啥你查得到不, can you check my balance), where to download something:
    /// the documents state rules, not anyone's records, shops or download sites.
    /// </summary>
    [GeneratedRegex(@"密码|哪(里|儿)?(能|可以)?买|哪(里|儿)?有卖|哪(个网站|个网|里|儿)?(能|可以)?下载|下载地址|便宜|哪个(平台|公司|快递)?.{0,6}(更好|好|高|多|强)|哪家|你(能|可以|能不能)?(帮我|给我)?查(得)?(到|出)|(?i:\bwhere (can|do|could|should) i buy\b|\b(can|could) you (check|look up|find out|see)\b.{0,30}\bmy\b)")]
    private static partial Regex Unstated();

    /// <summary>Figures not yet set or set each year where they apply: the knowledge states rules, not forecasts.</summary>
    [GeneratedRegex("明年|今年.{0,6}涨|涨到多少|涨多少|哪天开始实施|什么时候开始实施")]
    private static partial Regex Forecast();

    /// <summary>A count of places or firms: 外资经营主体破1万家 answers 外资公司有多少家; 3个月 and 一家企业 count nothing.</summary>
    [GeneratedRegex(@"\d\s*[万千百]?\s*(家|座|所)|\d\s*[万千百]?\s*个(?!月|工作日|小时|星期|人)|[一二两三四五六七八九十百千万]*[十百千万](家|座|所)")]
    private static partial Regex CountStated();

    /// <summary>How many or which places: the knowledge names no list of cities, stations or offices.</summary>
    [GeneratedRegex("有几个|有多少个|有几家|有多少家|哪些城市|哪几个城市|哪个城市有|哪个社区")]
    private static partial Regex PlaceCount();
}
