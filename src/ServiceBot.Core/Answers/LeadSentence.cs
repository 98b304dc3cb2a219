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
    public static string Extract(string clauseText, IReadOnlyList<QueryTerm> terms, int maxLength, bool fromStart = false, bool asksFigure = false)
    {
        var units = Units(clauseText);
        if (units.Count == 0) return "";
        // A policy clause opens with its title ("(八)提高公共服务水平。"), a heading rather than an answer.
        var first = units.Count > 1 && ChineseText.ClauseStart().IsMatch(units[0]) && units[0].Length <= 40 ? 1 : 0;
        var best = first;
        if (!fromStart)
        {
            var coverages = units.Select(unit => GroundingScorer.Coverage(terms, unit)).ToArray();
            best = BestUnit(coverages, first, _ => true);
            if (asksFigure && terms.Where(t => !t.IsDomain).ToList() is { Count: > 0 } asked
                && BestUnit(coverages, first, i => SpecificAsk.StatesFigure(units[i])) is var figure && figure >= 0
                && GroundingScorer.Coverage(asked, units[figure]) is var covered && covered > 0
                && covered >= GroundingScorer.Coverage(asked, units[best]) / 2)
                best = figure;
        }
        var lead = Clean(units[best]);
        if (lead.Length < ShortLead && best + 1 < units.Count) lead += Clean(units[best + 1]);
        return Shorten(lead, maxLength);
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
    private static List<string> Units(string clauseText)
    {
        var lines = clauseText.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        var units = new List<string>();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var items = new List<string>();
            while (line.EndsWith('：') && i + 1 < lines.Count && ListItem().IsMatch(lines[i + 1])) items.Add(lines[++i]);
            if (items.Count > 0)
            {
                units.Add(line + string.Join("、", items.Select(ItemName)) + "。");
                continue;
            }
            units.AddRange(ChineseText.SplitSentences(line).Select(s => s.Trim()).Where(s => s.Length > 0));
        }
        return units;
    }

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
