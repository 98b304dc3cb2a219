namespace ServiceBot.Answers.Refusal;

/// <summary>
/// The part of a message that asks: its last sentence or phrase. A long message tells a story first (我跑外卖三年了，上个月…)
/// and asks at the end, so what the clause must cover is weighed there, apart from the story's words. An English message
/// asks in its last sentence, not its last word.
/// </summary>
public static class AskedPart
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

    private static readonly char[] EnglishBreaks = ['.', '?', '!', ';', '\n', '\r'];

    /// <summary>A last English sentence of fewer words than this (Why?, Is that legal?) leans on the one before it.</summary>
    private const int ShortestEnglishAsk = 4;

    /// <summary>An English message's last sentence: its words are split by spaces, which never end what it asks.</summary>
    private static string OfEnglish(string question)
    {
        var sentences = question.Split(EnglishBreaks, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (sentences.Length == 0) return question;
        var last = sentences[^1];
        return WordCount(last) < ShortestEnglishAsk && sentences.Length > 1 ? sentences[^2] + " " + last : last;
    }

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
