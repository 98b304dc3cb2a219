using System.Text.RegularExpressions;

namespace ServiceBot.Answers.Refusal;

/// <summary>
/// The subject a 那… message names before its question (那低保呢 咋申请, 那交通罚款呢 咋交, 那110呢 打了没人管): what the
/// message turns to. A follow-up completed with the earlier topic keeps it after that topic (失业金 那低保呢 咋申请).
/// </summary>
public static partial class NamedSubject
{
    /// <summary>The subject's characters, or an empty string when the message opens with no 那, 那么 or 还有.</summary>
    /// <param name="normalized">The message as <see cref="Text.TextNormalizer.Normalize"/> folds it.</param>
    public static string Of(string normalized) => Slot().Match(normalized) is { Success: true } slot ? slot.Groups[1].Value : "";

    /// <summary>
    /// The weight of the heaviest word of two characters or more in the subject that <paramref name="normalized"/> (the clause)
    /// lacks, 0 when it holds them all or the message names no subject: a clause that never says 低保 does not answer 那低保呢.
    /// </summary>
    public static double UncoveredPeak(string question, IReadOnlyList<QueryTerm> terms, string normalized)
    {
        var subject = Of(Text.TextNormalizer.Normalize(question));
        if (subject.Length == 0) return 0;
        return terms.Where(t => t.Word.Length > 1 && subject.Contains(t.Word, StringComparison.Ordinal)
                                && !t.Forms.Any(f => normalized.Contains(f, StringComparison.Ordinal)))
            .Select(t => (double)t.Weight).DefaultIfEmpty(0).Max();
    }

    [GeneratedRegex(@"(?:^|\s)(?:那么|那|还有)(?:要是|如果)?([^呢几咋怎多能可要有会是该哪谁吗不么\s]{2,8})(?:呢|几|咋|怎|多|能|可|要|有|会|是|该|哪|谁|吗|不|么|\s|$)")]
    private static partial Regex Slot();
}
