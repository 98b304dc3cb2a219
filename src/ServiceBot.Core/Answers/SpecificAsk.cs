using System.Text.RegularExpressions;

namespace ServiceBot.Answers;

/// <summary>
/// Questions that ask for a particular figure or contact: a price or amount (几块钱, 平均月收入), a rate (百分之几, 抽多少),
/// a telephone number, a password, which company is better or cheaper, next year's figures (明年最低工资, 今年涨多少), or how
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
        return Unstated().IsMatch(question) || Forecast().IsMatch(question) || PlaceCount().IsMatch(question);
    }

    [GeneratedRegex("多少钱|几块|几毛|几分钱|多少块|底薪|工资高|配送费是|派费多少|挣多少|能拿到多少|平均.{0,4}(收入|工资)|收入是多少|收入有多少")]
    private static partial Regex Money();

    [GeneratedRegex(@"\d\s*(元|块)|[一二三四五六七八九十百千万]+元")]
    private static partial Regex MoneyStated();

    [GeneratedRegex("百分之几|百分之多少|比例是|比例多少|抽成比例|抽几成|抽多少|费率")]
    private static partial Regex Rate();

    [GeneratedRegex(@"%|％|百分之[一二三四五六七八九十\d]|[一二三四五六七八九十]成")]
    private static partial Regex RateStated();

    [GeneratedRegex("电话|号码是多少|联系方式|热线是多少")]
    private static partial Regex Phone();

    [GeneratedRegex(@"\d{5,}")]
    private static partial Regex PhoneStated();

    /// <summary>Asks the knowledge never states: passwords, where to buy, which firm is better.</summary>
    [GeneratedRegex("密码|在哪买|哪里买|便宜|哪个(平台|公司|快递)?.{0,6}(更好|好|高|多|强)|哪家")]
    private static partial Regex Unstated();

    /// <summary>Figures not yet set or set each year where they apply: the knowledge states rules, not forecasts.</summary>
    [GeneratedRegex("明年|今年.{0,6}涨|涨到多少|涨多少|哪天开始实施|什么时候开始实施")]
    private static partial Regex Forecast();

    /// <summary>How many or which places: the knowledge names no list of cities, stations or offices.</summary>
    [GeneratedRegex("有几个|有多少个|哪些城市|哪几个城市|哪个城市有|哪个社区")]
    private static partial Regex PlaceCount();
}
