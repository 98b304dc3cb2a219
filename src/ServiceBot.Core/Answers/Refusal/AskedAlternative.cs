using System.Text.RegularExpressions;

namespace ServiceBot.Answers.Refusal;

/// <summary>
/// A question that asks which of two ways something goes (是一年评一回还是半年评一回, 直接打到我卡上还是先打给劳动监察):
/// a clause answers it only by stating one of them. A clause that shares the question's topic but names neither
/// alternative's own words leaves the choice unanswered.
/// </summary>
public static partial class AskedAlternative
{
    /// <summary>
    /// True when <paramref name="question"/> asks "A 还是 B" and the clause (<paramref name="normalized"/>) holds no word of
    /// two characters or more that only A names, nor one that only B names.
    /// </summary>
    public static bool Unstated(string question, IReadOnlyList<QueryTerm> terms, string normalized)
    {
        if (Alternatives().Match(Text.TextNormalizer.Normalize(question)) is not { Success: true } match) return false;
        string first = match.Groups["a"].Value, second = match.Groups["b"].Value;
        var firstWords = OwnWords(terms, first, second);
        var secondWords = OwnWords(terms, second, first);
        if (firstWords.Count == 0 || secondWords.Count == 0) return false;
        return !firstWords.Concat(secondWords).Any(t => t.Forms.Any(f => normalized.Contains(f, StringComparison.Ordinal)));
    }

    private static List<QueryTerm> OwnWords(IReadOnlyList<QueryTerm> terms, string side, string other)
        => terms.Where(t => t.Word.Length > 1 && side.Contains(t.Word, StringComparison.Ordinal) && !other.Contains(t.Word, StringComparison.Ordinal)).ToList();

    /// <summary>
    /// The two sides of 还是, within one clause of the message or as two clauses (是一个人填一份就中，还是每人都得填).
    /// </summary>
    [GeneratedRegex(@"(?<a>[^，,。？?！!；;\s]{2,30})(?:[，,\s]+)?还是(?<b>[^，,。？?！!；;\s]{2,30})")]
    private static partial Regex Alternatives();
}
