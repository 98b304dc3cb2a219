using System.Text;
using ServiceBot.Assist;
using ServiceBot.Text;
using ServiceBot.Understanding.Slots;

namespace ServiceBot.Analytics.Review;

/// <summary>
/// How the review queue decides that two questions are worded alike: both are normalised (personal numbers removed,
/// full-width folded, leading fillers such as 请问/那个 dropped, punctuation and spaces stripped), then compared by the
/// Jaccard overlap of their character bigrams. A rule an editor can check by hand.
/// </summary>
public static class QuestionWording
{
    /// <summary>The question reduced to the characters that carry its wording.</summary>
    public static string Normalize(string question)
    {
        var text = FreeTextSlots.StripFillers(TextNormalizer.Normalize(PersonalData.Remove(question)));
        var kept = new StringBuilder(text.Length);
        foreach (var c in text)
            if (char.IsLetterOrDigit(c)) kept.Append(c);
        return kept.ToString();
    }

    /// <summary>The character bigrams of a normalised wording; a one-character wording is its own single gram.</summary>
    public static IReadOnlySet<string> Bigrams(string normalized)
    {
        var grams = new HashSet<string>(StringComparer.Ordinal);
        if (normalized.Length == 1) grams.Add(normalized);
        for (var i = 0; i + 1 < normalized.Length; i++) grams.Add(normalized.Substring(i, 2));
        return grams;
    }

    /// <summary>|A∩B| / |A∪B| of two bigram sets; 0 when both are empty.</summary>
    public static double Similarity(IReadOnlySet<string> first, IReadOnlySet<string> second)
    {
        if (first.Count == 0 || second.Count == 0) return 0;
        var shared = first.Count(second.Contains);
        return (double)shared / (first.Count + second.Count - shared);
    }
}
