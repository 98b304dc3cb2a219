using System.Text;
using System.Text.RegularExpressions;
using ServiceBot.Knowledge.Text;

namespace ServiceBot.Answers;

/// <summary>
/// The sentence an answer opens with: the sentence of the best clause that covers the question best, stripped of the
/// clause's numbering, so a reader gets the answer before the quote. A list introduced by "…：" is one unit, shortened
/// to its items' names (所需材料 → 身份证号、转出城市、转入城市、险种); a very short sentence ("能。") takes the next
/// one with it; a long one is cut at a comma.
/// </summary>
public static partial class LeadSentence
{
    /// <summary>Shorter leads are not a full answer on their own ("能。", "不收费。").</summary>
    private const int ShortLead = 16;

    /// <summary>At most this many of a list's items answer a question about one of its cases.</summary>
    private const int MaxNarrowedItems = 3;

    /// <summary>A list item's name is the text before its "：" when that is this short.</summary>
    private const int MaxItemNameLength = 12;

    /// <param name="fromStart">
    /// The clause as a whole answers the question (the guide section it asks for, such as 所需材料), so it opens with its
    /// own first sentence rather than the one that happens to repeat the question's words.
    /// </param>
    /// <param name="asksFigure">
    /// The question asks how much, how many or how long (<see cref="SpecificAsk.AsksFigure"/>): a sentence that states a
    /// figure answers it better than a rule about it, when it covers at least half as much of the question's words outside
    /// the domain dictionary as the best sentence (the domain words name the topic, which the cited title carries).
    /// </param>
    /// <param name="narrowLists">
    /// The question asks about one case, not which ones there are: a list answers with the items it asks about (<see cref="Narrowed"/>).
    /// </param>
    public static string Extract(string clauseText, IReadOnlyList<QueryTerm> terms, int maxLength, bool fromStart = false, bool asksFigure = false,
        bool narrowLists = false)
    {
        var units = Units(clauseText);
        if (units.Count == 0) return "";
        // A policy clause opens with its title ("(八)提高公共服务水平。"), a heading rather than an answer.
        var first = units.Count > 1 && ChineseText.ClauseStart().IsMatch(units[0].Text) && units[0].Text.Length <= 40 ? 1 : 0;
        var best = first;
        if (!fromStart)
        {
            var coverages = units.Select(unit => GroundingScorer.Coverage(terms, unit.Text)).ToArray();
            best = BestUnit(coverages, first, _ => true);
            if (asksFigure && terms.Where(t => !t.IsDomain).ToList() is { Count: > 0 } asked
                && BestUnit(coverages, first, i => SpecificAsk.StatesFigure(units[i].Text)) is var figure && figure >= 0
                && GroundingScorer.Coverage(asked, units[figure].Text) is var covered && covered > 0
                && covered >= GroundingScorer.Coverage(asked, units[best].Text) / 2)
                best = figure;
        }
        var unit = units[best];
        var lead = Clean(narrowLists && !fromStart && unit.Items.Count > 0 ? Narrowed(unit, terms) : unit.Text);
        if (lead.Length < ShortLead && best + 1 < units.Count) lead += Clean(units[best + 1].Text);
        return Shorten(lead, maxLength);
    }

    /// <summary>
    /// A list asked about one of its cases (用人单位有下列情形之一的，劳动者可以解除劳动合同: … 未依法缴纳社会保险费的 …)
    /// answers with the introduction and the items that cover best the question's words the introduction does not hold,
    /// not every item's name; a list no item of which covers them more than another stays whole.
    /// </summary>
    private static string Narrowed(Unit list, IReadOnlyList<QueryTerm> terms)
    {
        var rest = terms.Where(term => GroundingScorer.Coverage([term], list.Intro!) == 0).ToList();
        var coverages = list.Items.Select(item => GroundingScorer.Coverage(rest, item)).ToArray();
        var top = coverages.Max();
        if (top <= 0 || coverages.All(c => c == top)) return list.Text;
        // The items whole, not their names: 在上下班途中 is not the case 在上下班途中，受到非本人主要责任的交通事故 … 伤害的 is.
        var chosen = list.Items.Where((_, i) => coverages[i] == top).Take(MaxNarrowedItems);
        return list.Intro + string.Join("；", chosen.Select(item => ListItem().Replace(item, "").Trim().TrimEnd('；', ';', '。'))) + "。";
    }

    /// <summary>The first unit from <paramref name="first"/> on with the highest coverage among those <paramref name="eligible"/>; -1 when none is.</summary>
    private static int BestUnit(double[] coverages, int first, Func<int, bool> eligible)
    {
        var best = -1;
        for (var i = first; i < coverages.Length; i++)
            if (eligible(i) && (best < 0 || coverages[i] > coverages[best])) best = i;
        return best;
    }

    /// <summary>Sentences of the clause, with each "…：" line and the list items under it joined into one unit.</summary>
    private static List<Unit> Units(string clauseText)
    {
        var lines = clauseText.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        var units = new List<Unit>();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var items = new List<string>();
            while (IntroducesList(line) && i + 1 < lines.Count && ListItem().IsMatch(lines[i + 1])) items.Add(lines[++i]);
            if (items.Count > 0)
            {
                var intro = line[..^1] + "：";
                units.Add(new Unit(intro + string.Join("、", items.Select(ItemName)) + "。", intro, items));
                continue;
            }
            units.AddRange(ChineseText.SplitSentences(line).Select(s => s.Trim()).Where(s => s.Length > 0).Select(s => new Unit(s, null, [])));
        }
        return units;
    }

    /// <summary>A line that ends in a colon, full-width or not: the laws' texts use both before their numbered items.</summary>
    internal static bool IntroducesList(string line) => line.EndsWith('：') || line.EndsWith(':');

    /// <summary>Whether <paramref name="line"/> starts like an item of a list ("（三）", "- ", "2、").</summary>
    internal static bool IsListItem(string line) => ListItem().IsMatch(line);

    /// <summary>A sentence, or a list: its introduction ("…：") and its items, <see cref="Text"/> joining them.</summary>
    private sealed record Unit(string Text, string? Intro, IReadOnlyList<string> Items);

    private static string ItemName(string item)
    {
        var text = ListItem().Replace(item, "").Trim();
        var colon = text.IndexOf('：');
        if (colon > 0 && colon <= MaxItemNameLength) return text[..colon];
        var end = text.IndexOfAny(['，', '；', '。', ',', ';']);
        return (end > 0 ? text[..end] : text).TrimEnd('；', '。');
    }

    private static string Clean(string unit)
    {
        var text = ListItem().Replace(unit, "");
        text = ChineseText.ClauseStart().Replace(text, "");
        text = ChineseText.ArticleStart().Replace(text, "").Trim();
        if (text.Length > 0 && text[^1] is '；' or ';' or '：' or ':' or '，' or ',') text = text[..^1] + "。";
        else if (text.Length > 0 && !ChineseText.EndsWithTerminalPunctuation(text)) text += "。";
        return text;
    }

    private static string Shorten(string text, int maxLength)
    {
        if (text.Length <= maxLength) return text;
        var cut = text.LastIndexOfAny(['，', '、', '；'], maxLength - 1);
        var head = cut > maxLength / 2 ? text[..cut] : text[..maxLength];
        return new StringBuilder(head).Append("……").ToString();
    }

    /// <summary>"- ", "* ", "1. ", "2、", "（一）" at the start of a line.</summary>
    [GeneratedRegex(@"^\s*(?:[-*+]\s+|\d+[.、)]\s*|[(（][一二三四五六七八九十]+[)）])")]
    private static partial Regex ListItem();
}
