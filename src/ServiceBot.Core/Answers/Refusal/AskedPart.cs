using System.Text.RegularExpressions;

namespace ServiceBot.Answers.Refusal;

/// <summary>
/// The part of a message that asks: its last sentence or phrase. A long message tells a story first (我跑外卖三年了，上个月…)
/// and asks at the end, so what the clause must cover is weighed there, apart from the story's words. An English message
/// asks in its last question sentence, not its last word.
/// </summary>
public static partial class AskedPart
{
    private static readonly char[] Breaks = ['，', '。', '？', '！', '；', '、', ',', '.', '?', '!', ';', ' ', '\t', '\n', '\r', '\u3000'];

    /// <summary>A last phrase shorter than this (咋办, 行吗) leans on the one before it, which is taken with it.</summary>
    private const int ShortestAsk = 5;

    public static string Of(string question)
    {
        if (!question.Any(Text.TextNormalizer.IsCjk)) return OfEnglish(question);
        var parts = question.Split(Breaks, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0) return question;
        var last = parts[^1];
        return last.Length < ShortestAsk && parts.Length > 1 ? parts[^2] + last : last;
    }

    /// <summary>A last English sentence of fewer words than this (Why?, Is that legal?) leans on the one before it.</summary>
    private const int ShortestEnglishAsk = 4;

    /// <summary>
    /// An English message's asking sentence: the last one ending in a question mark, else the last. Its words are split by
    /// spaces, which never end what it asks. An English writer often asks first and tells after ("How many days of maternity
    /// leave …? My wife works at a factory in Yiwu."), where the last sentence is the story.
    /// </summary>
    private static string OfEnglish(string question)
    {
        var sentences = EnglishSentence().Matches(question).Select(m => m.Value.Trim()).Where(s => s.Length > 0).ToList();
        if (sentences.Count == 0) return question;
        var asking = sentences.FindLastIndex(s => s.EndsWith('?'));
        if (asking < 0) asking = sentences.Count - 1;
        var sentence = sentences[asking].TrimEnd('.', '?', '!', ';');
        return WordCount(sentence) < ShortestEnglishAsk && asking > 0 ? sentences[asking - 1].TrimEnd('.', '?', '!', ';') + " " + sentence : sentence;
    }

    [GeneratedRegex(@"[^.?!;\n\r]+[.?!;]*")]
    private static partial Regex EnglishSentence();

    private static int WordCount(string sentence) => sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    /// <summary>
    /// The share of the asked part's weight that <paramref name="normalized"/> holds, counting the question's terms that occur in
    /// that part; 1 when none does.
    /// </summary>
    public static double Coverage(string question, IReadOnlyList<QueryTerm> terms, string normalized)
    {
        double total = 0, covered = 0;
        foreach (var term in InAskedPart(question, terms))
        {
            total += term.Weight;
            if (Holds(normalized, term)) covered += term.Weight;
        }
        return total == 0 ? 1 : covered / total;
    }

    /// <summary>
    /// The weight of the heaviest word of two characters or more in the asked part that <paramref name="normalized"/> lacks, 0
    /// when it holds them all: 驿站里有冰箱没 asks for 冰箱, which a list of a station's services may not name.
    /// </summary>
    public static double UncoveredPeak(string question, IReadOnlyList<QueryTerm> terms, string normalized)
        => InAskedPart(question, terms).Where(t => t.Word.Length > 1 && !Holds(normalized, t)).Select(t => (double)t.Weight).DefaultIfEmpty(0).Max();

    private static IEnumerable<QueryTerm> InAskedPart(string question, IReadOnlyList<QueryTerm> terms)
    {
        var asked = Text.TextNormalizer.Normalize(Of(question));
        return terms.Where(t => asked.Contains(t.Word, StringComparison.Ordinal));
    }

    private static bool Holds(string normalized, QueryTerm term) => term.Forms.Any(f => normalized.Contains(f, StringComparison.Ordinal));
}
